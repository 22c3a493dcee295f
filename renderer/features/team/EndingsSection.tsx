import { useState, type FormEvent } from 'react';
import { formatUkDate } from '../../../shared/dates';
import { GBO_CHANGE_LABELS, GBO_RELIABLE_CHANGE } from '../../../shared/domain/gbo';
import { ENDING_REASONS, ENDING_REASON_LABELS } from '../../../shared/domain/lifecycle';
import type { FieldError } from '../../../shared/ipc/result';
import type { TeamOverview } from '../../../shared/ipc/types';
import { BarChart, type Bar } from '../../components/BarChart';
import { CountTable } from '../../components/CountTable';
import { DateInput } from '../../components/DateInput';
import { readUkDate, type FormErrors } from '../../lib/form-errors';
import { TransitionTable, transitionBars } from '../../components/TransitionTable';
import type { Period } from '../../stores/team-view';
import { plural } from '../../lib/plural';

export const GBO_THRESHOLD_NOTE = `A change of ${GBO_RELIABLE_CHANGE} or more points between the first and final rating of a goal counts as meaningful (NHS England CYP outcome metric).`;

export function gboBars(o: TeamOverview): Bar[] {
  return [
    { key: 'improved', label: GBO_CHANGE_LABELS.improved, value: o.gboAtClose.improved, tone: 'good' },
    { key: 'no_reliable_change', label: GBO_CHANGE_LABELS.no_reliable_change, value: o.gboAtClose.noReliableChange, tone: 'neutral' },
    { key: 'deteriorated', label: GBO_CHANGE_LABELS.deteriorated, value: o.gboAtClose.deteriorated, tone: 'bad' },
  ];
}

export function endingReasonBars(o: TeamOverview): Bar[] {
  return [...o.endingReasons]
    .sort((a, b) => ENDING_REASONS.indexOf(a.reason) - ENDING_REASONS.indexOf(b.reason))
    .map((r) => ({ key: r.reason, label: ENDING_REASON_LABELS[r.reason], value: r.count }));
}

/** The period form's own checks: both dates real, and the start not after the end (as main checks). */
export function checkPeriod(fromText: string, toText: string): { period: Period } | { errors: FieldError[] } {
  const from = readUkDate(fromText, 'Closed from');
  const to = readUkDate(toText, 'Closed to');
  const errors: FieldError[] = [];
  if (fromText.trim() === '') errors.push({ path: 'closedFrom', message: 'Enter the start of the period' });
  else if (from.message) errors.push({ path: 'closedFrom', message: from.message });
  if (toText.trim() === '') errors.push({ path: 'closedTo', message: 'Enter the end of the period' });
  else if (to.message) errors.push({ path: 'closedTo', message: to.message });
  if (errors.length > 0) return { errors };
  if (from.value > to.value) return { errors: [{ path: 'closedFrom', message: 'Closed from must be the same as or before closed to' }] };
  return { period: { from: from.value, to: to.value } };
}

interface Props {
  overview: TeamOverview;
  form: FormErrors;
  showPeriod(period: Period): Promise<void>;
}

/**
 * Cases closed in a chosen period (default: the last 12 months, as main sets it): grouping at open
 * and at close, GBO change at close and ending reasons, each a chart with its table.
 */
export function EndingsSection({ overview, form, showPeriod }: Props) {
  const [fromText, setFromText] = useState(() => formatUkDate(overview.period.from));
  const [toText, setToText] = useState(() => formatUkDate(overview.period.to));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (form.saving) return;
    const checked = checkPeriod(fromText, toText);
    if ('errors' in checked) return form.fail(checked.errors);
    await form.save(async () => {
      await showPeriod(checked.period);
      form.clear();
    });
  };

  const closed = overview.closedInPeriod;
  const reasons = endingReasonBars(overview);
  const gbo = gboBars(overview);
  const movements = transitionBars(overview.openToClose);

  return (
    <section className="team-section" aria-labelledby="team-endings">
      <h2 className="heading-m" id="team-endings">
        Endings in the period
      </h2>
      <form className="period-form" noValidate onSubmit={(e) => void submit(e)}>
        <DateInput path="closedFrom" label="Closed from" value={fromText} onChange={setFromText} error={form.messageFor('closedFrom')} />
        <DateInput path="closedTo" label="Closed to" value={toText} onChange={setToText} error={form.messageFor('closedTo')} />
        <div className="period-form__action">
          <button type="submit" className="button button--secondary">
            Show period
          </button>
        </div>
      </form>
      <p className="lede" role="status">
        {plural(closed, 'case', 'cases')} closed from {formatUkDate(overview.period.from)} to {formatUkDate(overview.period.to)}.
      </p>

      <h3 className="heading-s">Grouping at open and at close</h3>
      {movements.length > 0 ? (
        <BarChart title="Chart of closed cases by grouping at open and at close" bars={movements} />
      ) : (
        <p>No case closed in this period has both a Current View at open and one at close.</p>
      )}
      <TransitionTable caption="Grouping at open and at close" transitions={overview.openToClose} fromLabel="At open" toLabel="At close" />

      <h3 className="heading-s">GBO change at close</h3>
      <p className="hint">
        {GBO_THRESHOLD_NOTE} {plural(overview.gboAtClose.goals, 'goal', 'goals')} of {plural(overview.gboAtClose.cases, 'closed case', 'closed cases')}.
      </p>
      <div className="chart-pair">
        <BarChart title="Chart of GBO change at close" bars={gbo} unit={{ one: 'goal', many: 'goals' }} />
        <CountTable caption="GBO change at close" labelHeader="Change" valueHeader="Goals" bars={gbo} total />
      </div>

      <h3 className="heading-s">Ending reasons</h3>
      {reasons.some((r) => r.value > 0) ? (
        <div className="chart-pair">
          <BarChart title="Chart of ending reasons" bars={reasons} />
          <CountTable caption="Ending reasons" labelHeader="Reason" valueHeader="Cases" bars={reasons} total />
        </div>
      ) : (
        <p>No cases were closed in this period.</p>
      )}
    </section>
  );
}
