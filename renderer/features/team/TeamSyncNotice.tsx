import { formatUkDateTime } from '../../../shared/dates';
import { deviceAttentionLine } from '../../../shared/domain/device-contact';
import { useSyncStatus } from '../../stores/sync';

/**
 * In team mode the team view shows the cases as this device last received them: it says "as of" when,
 * so a lead never takes stale flags as current, and lists colleagues' computers out of touch or holding
 * unsent changes (work the lead cannot see yet, and would be lost with the laptop). Nothing in solo mode.
 */
export function TeamSyncNotice() {
  const status = useSyncStatus();
  if (status?.mode !== 'team') return null;
  const notice = status.teamDevices ?? null;
  return (
    <>
      <p className="inset" data-testid="team-as-of">
        {status.asOf
          ? `Team cases and flags as of ${formatUkDateTime(status.asOf)}, when this computer last received the team's changes. Anything saved since on other computers is not shown yet.`
          : "This computer has not received the team's changes yet: cases and flags shown may be incomplete. Sync to bring them in."}
      </p>
      {notice && notice.devices.length > 0 ? (
        <section className="inset" aria-labelledby="team-devices-heading">
          <h2 id="team-devices-heading" className="heading-m">
            Computers to check
          </h2>
          <p>
            As of {formatUkDateTime(notice.asOf)}, these computers had not been in touch with the team server for more than{' '}
            {notice.outOfTouchHours} hours, or had changes not yet sent. Their work is not in this view until they sync.
          </p>
          <ul>
            {notice.devices.map((d) => (
              <li key={d.deviceId}>{deviceAttentionLine(d)}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
