import { useApiData } from '../../hooks/use-api-data';
import { useNavigationActions } from '../../stores/navigation';

/**
 * Settings → Team server, once the team's cases have been fetched: cases made on this computer before joining are not sent
 * silently; this says how many wait and leads to the review (route 'join-team'). Shows nothing when
 * there are none, or before the first sync has fetched the team's cases to match them with.
 */
export function JoinCasesNotice({ reloadKey }: { reloadKey: string }) {
  const { navigate } = useNavigationActions();
  const { data } = useApiData((api) => api.sync.joinPreview({}), `join-preview:${reloadKey}`);
  if (data.status !== 'ready' || !data.value.ready || data.value.cases.length + data.value.unplaced.length === 0) return null;
  return (
    <div className="inset">
      <p>{data.value.message ?? 'Some cases on the team server could not be placed on this computer.'}</p>
      <p>
        <a
          href="#join-team"
          onClick={(e) => {
            e.preventDefault();
            navigate({ name: 'join-team' });
          }}
        >
          Review your cases on this computer
        </a>
      </p>
    </div>
  );
}
