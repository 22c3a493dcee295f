import { describe, expect, it } from 'vitest';
import { addDaysTo, daysBetween, londonDateOf, type IsoDate } from '../../shared/dates';
import { planRotation, RETENTION, weekOf, type RotationEntry } from '../../main/backup/rotation';

/** A backup at 21:30 UTC (22:30 BST in summer: still the same day in England) on `day`. */
function entry(day: IsoDate, reason: string, n = 0): RotationEntry {
  return { fileName: `${day}-${reason}-${n}`, takenAt: `${day}T21:30:0${n}.000Z`, reason };
}

describe('backup rotation', () => {
  it('counts weeks from Monday to Sunday', () => {
    expect(weekOf('2026-11-22')).toBe('2026-11-16'); // a Sunday
    expect(weekOf('2026-11-23')).toBe('2026-11-23'); // a Monday
    expect(weekOf('2024-01-01')).toBe('2024-01-01');
    expect(weekOf('2023-12-31')).toBe('2023-12-25');
  });

  it('keeps the right set across 400 days of daily backups with some taken by hand, never the newest', () => {
    const start: IsoDate = '2026-01-01';
    let kept: RotationEntry[] = [];
    let manualCount = 0;
    for (let d = 0; d < 400; d++) {
      const day = addDaysTo(start, d);
      const today = [entry(day, 'daily')];
      // A person backs up by hand every 9th day; a restore every 50th day takes a before-restore copy.
      if (d % 9 === 0) today.push(entry(day, 'manual', 1));
      if (d % 50 === 0) today.push(entry(day, 'before_restore', 2));
      manualCount += today.length - 1;
      for (const made of today) {
        kept.push(made);
        const plan = planRotation(kept);
        expect(plan.keep.get(made.fileName)).toBe('latest');
        kept = kept.filter((e) => plan.keep.has(e.fileName));
        expect(kept.length).toBeLessThanOrEqual(1 + RETENTION.daily + RETENTION.weekly + RETENTION.monthly + RETENTION.manual);
      }
    }
    const last = addDaysTo(start, 399); // 2027-02-04, a Thursday
    expect(last).toBe('2027-02-04');
    expect(manualCount).toBeGreaterThan(RETENTION.manual);

    const names = new Set(kept.map((e) => e.fileName));
    const expected = new Set<string>();
    // 7 daily: the last backup of each of the last 7 days (the before-restore copy at 21:30:02 on a restore day).
    for (let i = 0; i < 7; i++) {
      const day = addDaysTo(last, -i);
      const d = daysBetween(start, day);
      expected.add(d % 50 === 0 ? `${day}-before_restore-2` : d % 9 === 0 ? `${day}-manual-1` : `${day}-daily-0`);
    }
    // 4 weekly: this week's newest (today) and the Sundays of the 3 weeks before.
    for (const sunday of ['2027-01-31', '2027-01-24', '2027-01-17']) expected.add(newestOf(start, sunday));
    // 12 monthly: this month's newest (today) and the last day of the 11 months before.
    for (const lastDay of ['2027-01-31', '2026-12-31', '2026-11-30', '2026-10-31', '2026-09-30', '2026-08-31', '2026-07-31', '2026-06-30', '2026-05-31', '2026-04-30', '2026-03-31']) {
      expected.add(newestOf(start, lastDay));
    }
    // The 5 newest taken by a person.
    const person: string[] = [];
    for (let d = 399; person.length < 5; d--) {
      const day = addDaysTo(start, d);
      if (d % 50 === 0) person.push(`${day}-before_restore-2`);
      if (d % 9 === 0 && person.length < 5) person.push(`${day}-manual-1`);
    }
    for (const name of person) expected.add(name);
    expect([...names].sort()).toEqual([...expected].sort());
  });

  it('buckets by the day in England: 23:30 UTC in summer is the next day', () => {
    const late: RotationEntry = { fileName: 'late', takenAt: '2026-06-30T23:30:00.000Z', reason: 'daily' };
    const early: RotationEntry = { fileName: 'early', takenAt: '2026-07-01T08:00:00.000Z', reason: 'daily' };
    expect(londonDateOf(late.takenAt)).toBe('2026-07-01');
    // Same English day (and month): only the newer is kept; a UTC bucketing would keep both as monthly.
    expect(planRotation([late, early]).remove).toEqual(['late']);
  });

  it('keeps the newest backup that holds cases when 35 newer nightly backups are empty', () => {
    // A caseload backed up twice on one day, then the database emptied (recreated by mistake) and
    // backed up every night.
    const start: IsoDate = '2026-03-01';
    const olderWithCases: RotationEntry = { ...entry(start, 'daily', 0), cases: 39 };
    const withCases: RotationEntry = { ...entry(start, 'daily', 1), cases: 40 };
    let kept: RotationEntry[] = [olderWithCases, withCases];
    for (let d = 1; d <= 35; d++) {
      kept.push({ ...entry(addDaysTo(start, d), 'daily'), cases: 0 });
      const plan = planRotation(kept);
      kept = kept.filter((e) => plan.keep.has(e.fileName));
    }
    expect(planRotation(kept).keep.get(withCases.fileName)).toBe('records');
    // Only the newest that holds cases is owed this: the older one of that day goes as the calendar says.
    expect(kept.map((e) => e.fileName)).not.toContain(olderWithCases.fileName);
  });

  it('counts a backup whose number of cases is not known (made before counts were kept) as holding cases', () => {
    const empties = Array.from({ length: 20 }, (_, i): RotationEntry => ({ ...entry(addDaysTo('2026-01-01', i * 20), 'daily'), cases: 0 }));
    const old = entry('2025-01-01', 'daily');
    expect(planRotation([old, ...empties]).keep.get(old.fileName)).toBe('records');
    expect(planRotation([{ ...old, cases: 0 }, ...empties]).remove).toContain(old.fileName);
  });

  it('keeps a single backup, whatever it is', () => {
    expect(planRotation([entry('2026-01-01', 'quit')]).keep.get('2026-01-01-quit-0')).toBe('latest');
  });
});

/** The name of the newest backup on `day` in the simulation above. */
function newestOf(start: IsoDate, day: IsoDate): string {
  const d = daysBetween(start, day);
  return d % 50 === 0 ? `${day}-before_restore-2` : d % 9 === 0 ? `${day}-manual-1` : `${day}-daily-0`;
}
