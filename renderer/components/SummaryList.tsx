import type { ReactNode } from 'react';

/** One key–value row of an NHS.UK-style summary list (`<dl className="summary-list">`). */
export function SummaryRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="summary-list__row">
      <dt className="summary-list__key">{label}</dt>
      <dd className="summary-list__value">{children}</dd>
    </div>
  );
}
