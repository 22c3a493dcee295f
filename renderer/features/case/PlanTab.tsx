import { formatUkDate } from '../../../shared/dates';
import type { CaseDetail, PlanRecord } from '../../../shared/ipc/types';
import { planVersionChanges } from './plan-changes';
import { PlanSummary } from './PlanSummary';

function versionLine(plan: PlanRecord, detail: CaseDetail): string {
  const review = plan.reviewId ? detail.reviews.find((r) => r.id === plan.reviewId) : undefined;
  const what = plan.versionNo === 1 ? 'agreed' : 'revised';
  const at = review ? ` at the review of ${formatUkDate(review.reviewDate)}` : '';
  return `Version ${plan.versionNo}, ${what} ${formatUkDate(plan.agreedDate)} by ${plan.createdByName}${at}.`;
}

function Changes({ lines }: { lines: readonly string[] }) {
  if (lines.length === 0) return <p>No changes to goals, ending criteria or dates.</p>;
  return (
    <ul className="list">
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}

/** The plan in force, and every earlier version with who revised it, when, why and what changed. */
export function PlanTab({ detail }: { detail: CaseDetail }) {
  const { plan, planVersions, goals } = detail;
  if (!plan) {
    return (
      <section aria-labelledby="plan-heading">
        <h2 className="heading-l" id="plan-heading">
          THRIVE plan
        </h2>
        <p>No plan has been agreed yet.</p>
      </section>
    );
  }
  const index = planVersions.findIndex((v) => v.id === plan.id);
  const earlier = planVersions.slice(0, Math.max(index, 0)).map((v, i) => ({ v, i })).reverse();
  return (
    <section aria-labelledby="plan-heading">
      <h2 className="heading-l" id="plan-heading">
        THRIVE plan
      </h2>
      <p>{versionLine(plan, detail)}</p>
      {plan.revisionReason ? (
        <p>
          Why it was revised: <span className="preserve-lines">{plan.revisionReason}</span>
        </p>
      ) : null}
      <PlanSummary plan={plan} goals={goals} />
      {index > 0 ? (
        <>
          <h3 className="heading-m">What changed in version {plan.versionNo}</h3>
          <Changes lines={planVersionChanges(planVersions, index, goals)} />
        </>
      ) : null}
      {earlier.length > 0 ? (
        <section aria-labelledby="earlier-versions-heading">
          <h3 className="heading-m" id="earlier-versions-heading">
            Earlier versions
          </h3>
          <ol className="plan-versions">
            {earlier.map(({ v, i }) => (
              <li className="plan-versions__item" key={v.id}>
                <h4 className="heading-s">Version {v.versionNo}</h4>
                <p>{versionLine(v, detail)}</p>
                {v.revisionReason ? (
                  <p>
                    Why it was revised: <span className="preserve-lines">{v.revisionReason}</span>
                  </p>
                ) : null}
                {i > 0 ? <Changes lines={planVersionChanges(planVersions, i, goals)} /> : <p>The plan as first agreed.</p>}
                <details className="details">
                  <summary className="details__summary">Show version {v.versionNo} in full</summary>
                  <PlanSummary plan={v} goals={goals} />
                </details>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </section>
  );
}
