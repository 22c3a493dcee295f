import { describe, expect, it } from 'vitest';
import { clockSkewWarning, deviceAttentionLine, devicesNeedingAttention } from './device-contact';

const ASOF = '2026-12-03T18:00:00.000Z';
const device = (id: string, lastSeenAt: string, pending: number | null, oldestPendingAt: string | null = null) => ({
  deviceId: id, personId: `p-${id}`, personName: `Person ${id}`, lastSeenAt, pending, oldestPendingAt,
});

describe('devicesNeedingAttention', () => {
  it("measures out of touch against the report's server time: exactly 24 hours is not yet, a millisecond more is", () => {
    const listed = devicesNeedingAttention({
      teamId: 't',
      asOf: ASOF,
      devices: [
        device('edge', '2026-12-02T18:00:00.000Z', 0),
        device('over', '2026-12-02T17:59:59.999Z', null),
        device('fresh', '2026-12-03T17:00:00.000Z', 0),
        device('holding', '2026-12-03T17:40:00.000Z', 4, '2026-12-03T09:10:00.000Z'),
      ],
    });
    expect(listed.map((d) => [d.deviceId, d.outOfTouch, d.pending])).toEqual([
      ['over', true, 0],
      ['holding', false, 4],
    ]);
  });

  it('words a device as the lead reads it, in UK time', () => {
    const [d] = devicesNeedingAttention({ teamId: 't', asOf: ASOF, devices: [device('x', '2026-12-03T17:40:00.000Z', 4, '2026-12-03T09:10:00.000Z')] });
    expect(deviceAttentionLine({ ...d!, personName: 'Sam Lee' })).toBe("Sam Lee's computer: 4 changes not sent, oldest 03/12/2026 09:10; last in touch 03/12/2026 17:40");
    expect(deviceAttentionLine({ ...d!, pending: 0, personName: 'Sam Lee' })).toBe("Sam Lee's computer: no changes waiting; last in touch 03/12/2026 17:40");
  });
});

describe('clockSkewWarning', () => {
  it('says nothing within 5 minutes either way, or before any comparison', () => {
    expect(clockSkewWarning(null)).toBeNull();
    expect(clockSkewWarning(5 * 60_000)).toBeNull();
    expect(clockSkewWarning(-5 * 60_000)).toBeNull();
  });

  it('says how far and which way, in plain words', () => {
    expect(clockSkewWarning(-86_400_000)).toBe(
      "This computer's clock is 1 day behind the team server's. Dates, flags and 'as of' times may be wrong: correct the computer's clock.",
    );
    expect(clockSkewWarning(6 * 60_000)).toMatch(/^This computer's clock is 6 minutes ahead of the team server's\./);
    expect(clockSkewWarning(-3 * 3_600_000)).toMatch(/is 3 hours behind/);
    expect(clockSkewWarning(3 * 86_400_000)).toMatch(/is 3 days ahead of/);
  });
});
