import { useNavigationActions } from '../../stores/navigation';

/** Reviews and revisions are held against the plan: without one there is nothing to review yet. */
export function NoPlanNotice({ caseId, what }: { caseId: string; what: string }) {
  const { navigate } = useNavigationActions();
  return (
    <>
      <p>Agree the THRIVE plan before {what}: reviews are held against its goals and ending criteria.</p>
      <button type="button" className="button" onClick={() => navigate({ name: 'plan', caseId })}>
        Agree the THRIVE plan
      </button>
    </>
  );
}
