import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import type { CaseTab } from '../../stores/navigation';

export const CASE_TABS: ReadonlyArray<{ id: CaseTab; label: string }> = [
  { id: 'plan', label: 'Plan' },
  { id: 'goals', label: 'Goals' },
  { id: 'current-view', label: 'Current View' },
  { id: 'reviews', label: 'Reviews' },
  { id: 'ending', label: 'Ending' },
  { id: 'history', label: 'History' },
];

const tabId = (tab: CaseTab) => `case-tab-${tab}`;
const panelId = (tab: CaseTab) => `case-panel-${tab}`;

/** Which tab a key press moves to (WAI-ARIA tabs pattern: arrows wrap, Home/End), or null for other keys. */
export function tabAfterKey(current: CaseTab, key: string): CaseTab | null {
  const i = CASE_TABS.findIndex((t) => t.id === current);
  const n = CASE_TABS.length;
  const to = key === 'ArrowRight' ? (i + 1) % n : key === 'ArrowLeft' ? (i - 1 + n) % n : key === 'Home' ? 0 : key === 'End' ? n - 1 : -1;
  return to < 0 ? null : CASE_TABS[to]!.id;
}

/**
 * The case's sections as tabs. Selection follows focus (automatic activation), and the selected tab
 * lives in the route so coming back to the case shows the same section. Every panel element exists
 * (so each tab's aria-controls points at something) but only the selected one renders its content:
 * History, for one, loads the audit trail only when asked for.
 */
export function CaseTabs({ selected, onSelect, render }: { selected: CaseTab; onSelect(tab: CaseTab): void; render(tab: CaseTab): ReactNode }) {
  const tabs = useRef(new Map<CaseTab, HTMLButtonElement>());

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const next = tabAfterKey(selected, event.key);
    if (!next) return;
    event.preventDefault();
    tabs.current.get(next)?.focus();
    onSelect(next);
  };

  return (
    <div className="tabs">
      <div className="tabs__list" role="tablist" aria-label="Case sections">
        {CASE_TABS.map((tab) => {
          const isSelected = tab.id === selected;
          return (
            <button
              key={tab.id}
              ref={(el) => {
                if (el) tabs.current.set(tab.id, el);
                else tabs.current.delete(tab.id);
              }}
              type="button"
              role="tab"
              className="tabs__tab"
              id={tabId(tab.id)}
              aria-selected={isSelected}
              aria-controls={panelId(tab.id)}
              tabIndex={isSelected ? 0 : -1}
              onClick={() => onSelect(tab.id)}
              onKeyDown={onKeyDown}
            >
              {tab.label}
            </button>
          );
        })}
      </div>
      {CASE_TABS.map((tab) => (
        <div
          key={tab.id}
          className="tabs__panel"
          role="tabpanel"
          id={panelId(tab.id)}
          aria-labelledby={tabId(tab.id)}
          tabIndex={0}
          hidden={tab.id !== selected}
        >
          {tab.id === selected ? render(tab.id) : null}
        </div>
      ))}
    </div>
  );
}
