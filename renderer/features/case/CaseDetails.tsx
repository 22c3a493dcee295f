import { ageOn, formatUkDate, type IsoDate } from '../../../shared/dates';
import { GROUPING_LABELS } from '../../../shared/domain/groupings';
import { formatNhsNumber } from '../../../shared/domain/nhs-number';
import type { CaseDetail } from '../../../shared/ipc/types';
import { SummaryRow } from '../../components/SummaryList';
import { FlagList } from '../../components/Tag';

/** Who the young person is and the episode's key facts (grouping, coordinator, dates, flags): enough to be sure it is the right record. */
export function CaseDetails({ detail, today }: { detail: CaseDetail; today: IsoDate }) {
  const s = detail.summary;
  return (
    <>
      <dl className="summary-list">
        <SummaryRow label="Case reference">
          {s.caseRef}
          {s.episodeNo > 1 ? ` (episode ${s.episodeNo})` : ''}
        </SummaryRow>
        <SummaryRow label="NHS number">{s.nhsNumber ? formatNhsNumber(s.nhsNumber) : 'Not recorded'}</SummaryRow>
        <SummaryRow label="Date of birth">
          {formatUkDate(s.dateOfBirth)} (age {ageOn(s.dateOfBirth, today)})
        </SummaryRow>
        <SummaryRow label="THRIVE grouping">{s.grouping ? GROUPING_LABELS[s.grouping] : 'Not recorded yet'}</SummaryRow>
        <SummaryRow label="Lead clinician">{s.leadClinicianName}</SummaryRow>
        <SummaryRow label="Coordinating agency">{s.coordinatingAgency}</SummaryRow>
        <SummaryRow label="Referral date">{formatUkDate(s.referralDate)}</SummaryRow>
        <SummaryRow label="Open date">{formatUkDate(s.openDate)}</SummaryRow>
        {s.closedDate ? <SummaryRow label="Date closed">{formatUkDate(s.closedDate)}</SummaryRow> : null}
        <SummaryRow label="Weeks open">{detail.weeksOpen}</SummaryRow>
        {s.status === 'open' ? (
          <SummaryRow label="Next review">{s.nextReviewDate ? formatUkDate(s.nextReviewDate) : 'Not set'}</SummaryRow>
        ) : null}
        <SummaryRow label="Target date">{s.targetDate ? formatUkDate(s.targetDate) : 'Not set'}</SummaryRow>
      </dl>
      <section aria-labelledby="flags-heading">
        <h2 className="heading-m" id="flags-heading">
          Flags
        </h2>
        {detail.flags.length > 0 ? (
          <FlagList flags={detail.flags} />
        ) : (
          <p>{s.status === 'closed' ? 'No flags: the case is closed.' : 'No flags: nothing needs action on this case.'}</p>
        )}
      </section>
    </>
  );
}
