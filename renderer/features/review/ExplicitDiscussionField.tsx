import { useState } from 'react';
import { TextArea } from '../../components/fields';

const LABEL = 'What was agreed (explicit discussion)';

interface Props {
  /** Why the discussion must be recorded (target date passed, a goal stuck), or null when it need not. */
  reason: string | null;
  value: string;
  onChange(value: string): void;
  error: string | undefined;
}

/**
 * THRIVE's explicit discussion: required, with the reason shown, when the target date has passed or
 * a goal is stuck; otherwise an optional note behind "Add a note of an explicit discussion".
 */
export function ExplicitDiscussionField({ reason, value, onChange, error }: Props) {
  const [open, setOpen] = useState(false);
  if (reason) {
    return <TextArea path="explicitDiscussion" label={LABEL} hint={reason} value={value} onChange={onChange} error={error} rows={4} />;
  }
  return (
    // Anything already written stays in view (e.g. typed while it was required, before the date changed).
    <details className="details" open={open || value !== ''} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="details__summary">Add a note of an explicit discussion</summary>
      <div className="details__text">
        <TextArea
          path="explicitDiscussion"
          label={LABEL}
          hint="Optional here: for example what was agreed about the contingency or a change of plan."
          value={value}
          onChange={onChange}
          error={error}
          rows={4}
        />
      </div>
    </details>
  );
}
