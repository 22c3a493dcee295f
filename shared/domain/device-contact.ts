/**
 * Which of a team's devices the team lead should hear about, and how a device's clock compares with
 * the team server's. Pure: the times come from the team server's report (shared/sync/protocol.ts
 * teamDevicesSchema) and from the device's injected clock (shared/clock.ts).
 */
import { formatUkDateTime } from '../dates';
import type { TeamDevices } from '../sync/protocol';

/**
 * A device not in touch with the team server for this long is listed for the team lead. A named
 * constant until team settings sync from the server: then it becomes the team's setting.
 */
export const DEVICE_OUT_OF_TOUCH_HOURS = 24;

/** Beyond this the device's clock is called wrong: sync itself still works (the server orders by its own clock). */
export const CLOCK_SKEW_WARN_MS = 5 * 60_000;

export interface DeviceNeedingAttention {
  deviceId: string;
  personName: string;
  lastSeenAt: string;
  pending: number;
  oldestPendingAt: string | null;
  outOfTouch: boolean;
}

/**
 * Devices whose last contact is older than the limit, measured against the report's own `asOf` (the
 * server's clock, so neither the lead's clock nor the colleague's can hide one), or that had changes
 * waiting when last in touch. Longest out of touch first.
 */
export function devicesNeedingAttention(report: TeamDevices, hours: number = DEVICE_OUT_OF_TOUCH_HOURS): DeviceNeedingAttention[] {
  const limit = Date.parse(report.asOf) - hours * 3_600_000;
  return report.devices
    .map((d) => ({
      deviceId: d.deviceId,
      personName: d.personName,
      lastSeenAt: d.lastSeenAt,
      pending: d.pending ?? 0,
      oldestPendingAt: d.oldestPendingAt,
      outOfTouch: Date.parse(d.lastSeenAt) < limit,
    }))
    .filter((d) => d.outOfTouch || d.pending > 0)
    .sort((a, b) => Date.parse(a.lastSeenAt) - Date.parse(b.lastSeenAt) || a.personName.localeCompare(b.personName));
}

/** "Sam Lee's computer: 4 changes not sent, oldest 03/12/2026 09:10; last in touch 03/12/2026 17:40". */
export function deviceAttentionLine(d: DeviceNeedingAttention): string {
  const waiting =
    d.pending > 0
      ? `${d.pending} ${d.pending === 1 ? 'change' : 'changes'} not sent${d.oldestPendingAt ? `, oldest ${formatUkDateTime(d.oldestPendingAt)}` : ''}`
      : 'no changes waiting';
  return `${d.personName}'s computer: ${waiting}; last in touch ${formatUkDateTime(d.lastSeenAt)}`;
}

function amount(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 120) return `${minutes} minutes`;
  const hours = Math.round(ms / 3_600_000);
  if (hours < 48) return hours === 24 ? '1 day' : `${hours} hours`;
  const days = Math.round(ms / 86_400_000);
  return `${days} days`;
}

/**
 * Words for a device clock that differs from the team server's by more than CLOCK_SKEW_WARN_MS, or
 * null. `skewMs` is the device's clock minus the server's (positive: the device is ahead).
 */
export function clockSkewWarning(skewMs: number | null): string | null {
  if (skewMs === null || Math.abs(skewMs) <= CLOCK_SKEW_WARN_MS) return null;
  const way = skewMs < 0 ? 'behind' : 'ahead of';
  return `This computer's clock is ${amount(Math.abs(skewMs))} ${way} the team server's. Dates, flags and 'as of' times may be wrong: correct the computer's clock.`;
}
