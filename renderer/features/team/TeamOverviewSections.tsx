import { memo, type ReactNode } from 'react';
import { FLAG_CODES, FLAG_LABELS, FLAG_SEVERITY } from '../../../shared/domain/flags';
import { GROUPING_CODES, GROUPING_LABELS } from '../../../shared/domain/groupings';
import type { TeamOverview } from '../../../shared/ipc/types';
import { BarChart, type Bar } from '../../components/BarChart';
import { CountTable } from '../../components/CountTable';
import { TransitionTable, transitionBars } from '../../components/TransitionTable';

export function flagBars(o: TeamOverview): Bar[] {
  return FLAG_CODES.map((code) => ({
    key: code,
    label: FLAG_LABELS[code],
    value: o.byFlag.find((f) => f.code === code)?.count ?? 0,
    tone: FLAG_SEVERITY[code],
  }));
}

export function groupingBars(o: TeamOverview): Bar[] {
  const bars: Bar[] = GROUPING_CODES.map((g) => ({
    key: g,
    label: GROUPING_LABELS[g],
    value: o.byGrouping.find((b) => b.grouping === g)?.count ?? 0,
  }));
  const notRecorded = o.byGrouping.find((b) => b.grouping === null)?.count ?? 0;
  // Shown only when some case has no Current View yet: a permanent "0" row would only be noise.
  if (notRecorded > 0) bars.push({ key: 'not_recorded', label: 'Not recorded yet', value: notRecorded, tone: 'neutral' });
  return bars;
}

type ClinicianBar = Bar & { clinicianId: string; needAction: number };

export function clinicianBars(o: TeamOverview): ClinicianBar[] {
  return o.byClinician.map((c) => ({ key: c.clinicianId, clinicianId: c.clinicianId, label: c.name, value: c.open, needAction: c.needAction }));
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="team-section" aria-labelledby={id}>
      <h2 className="heading-m" id={id}>
        {title}
      </h2>
      {children}
    </section>
  );
}

interface Props {
  overview: TeamOverview;
  /** The clinician the view is drilled down to, if any (their row's button is then not offered). */
  clinicianId: string | undefined;
  onDrillDown(clinicianId: string): void;
}

/**
 * The open-case figures of the team (or one clinician): each a heading, an SVG bar chart and a table
 * with the same numbers. Memoised: typing in the case search never re-renders the charts.
 */
export const TeamOverviewSections = memo(function TeamOverviewSections({ overview, clinicianId, onDrillDown }: Props) {
  const flags = flagBars(overview);
  const groupings = groupingBars(overview);
  const clinicians = clinicianBars(overview);
  const timeOpen: Bar[] = overview.timeOpen.map((t) => ({ key: t.key, label: t.label, value: t.count }));
  const movements = transitionBars(overview.openToNow);
  return (
    <>
      <Section id="team-by-flag" title="Cases by flag">
        <p className="hint">A case with more than one flag is counted under each of its flags.</p>
        <div className="chart-pair">
          <BarChart title="Chart of open cases by flag" bars={flags} />
          <CountTable caption="Cases by flag" labelHeader="Flag" valueHeader="Open cases" bars={flags} />
        </div>
      </Section>

      <Section id="team-by-grouping" title="Cases by grouping">
        <div className="chart-pair">
          <BarChart title="Chart of open cases by THRIVE grouping" bars={groupings} />
          <CountTable caption="Cases by grouping" labelHeader="Grouping" valueHeader="Open cases" bars={groupings} total />
        </div>
      </Section>

      <Section id="team-by-clinician" title="Cases by clinician">
        {clinicians.length > 0 ? (
          <>
            <p className="hint">Choose a clinician&rsquo;s name to see only their caseload.</p>
            <div className="chart-pair">
              <BarChart title="Chart of open cases by clinician" bars={clinicians} />
              <CountTable
                caption="Cases by clinician"
                labelHeader="Clinician"
                valueHeader="Open cases"
                bars={clinicians}
                extra={[{ header: 'Need action', value: (b) => b.needAction }]}
                renderLabel={(b) =>
                  b.clinicianId === clinicianId ? (
                    b.label
                  ) : (
                    <button type="button" className="link-button" onClick={() => onDrillDown(b.clinicianId)}>
                      {b.label}
                    </button>
                  )
                }
              />
            </div>
          </>
        ) : (
          <p>No clinicians in this team yet.</p>
        )}
      </Section>

      <Section id="team-time-open" title="Time open">
        <p className="hint">Open cases by completed weeks since the case was opened.</p>
        <div className="chart-pair">
          <BarChart title="Chart of open cases by time open" bars={timeOpen} />
          <CountTable caption="Time open" labelHeader="Time open" valueHeader="Open cases" bars={timeOpen} total />
        </div>
      </Section>

      <Section id="team-open-now" title="Grouping at open and now">
        <p className="hint">
          Each open case by its THRIVE grouping at open (rows) and its grouping now (columns). Cases without a Current View at
          open are not counted.
        </p>
        {movements.length > 0 ? (
          <BarChart title="Chart of open cases by grouping at open and now" bars={movements} />
        ) : (
          <p>No open case has a Current View at open yet.</p>
        )}
        <TransitionTable caption="Grouping at open and now" transitions={overview.openToNow} fromLabel="At open" toLabel="Now" />
      </Section>
    </>
  );
});
