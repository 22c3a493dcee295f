/**
 * Loads the fictional demo caseload into an empty database, through the same services as the screens
 * (so every record passes the same validation and lands in the audit trail, and each case's History
 * reads as it would in use), in one transaction. `cases` in the result counts episodes: a re-opened
 * case is two.
 */
import type { Clock } from '../../../shared/clock';
import { addDaysTo } from '../../../shared/dates';
import { nhsCheckDigit } from '../../../shared/domain/nhs-number';
import { AppError } from '../../../shared/ipc/result';
import type { Clinician, SeedResult } from '../../../shared/ipc/types';
import { countCases } from '../../db/repos/cases';
import { getClinician } from '../../db/repos/clinicians';
import { profileClinicianId } from '../../db/repos/settings';
import { writeTx, type Db } from '../../db/sql';
import { createClinician } from '../clinicians/create-clinician';
import { setupProfile } from '../profile/setup-profile';
import type { WriteContext } from '../write-context';
import { DEMO_COLLEAGUES, DEMO_TEAM_LEAD, DEMO_TEAM_NAME } from './colleagues';
import { DEMO_CASES, type DemoCase } from './demo-cases';
import { randomInt, seededRandom } from './prng';
import { seedCase } from './seed-case';

export const DEMO_ACTOR = 'system:demo';
const SEED = 20_140_101;

/** A 10-digit NHS number in the 999 range, which NHS England reserves for testing: never a real person. */
function demoNhsNumber(random: () => number, used: Set<string>): string {
  for (;;) {
    const stem = `999${String(randomInt(random, 0, 999_999)).padStart(6, '0')}`;
    const check = nhsCheckDigit(stem);
    if (check === null) continue;
    const nhs = `${stem}${check}`;
    if (!used.has(nhs)) {
      used.add(nhs);
      return nhs;
    }
  }
}

function seedOne(w: WriteContext, demo: DemoCase, index: number, leadId: string, random: () => number, nhsUsed: Set<string>): number {
  const today = w.clock.today();
  const openDate = addDaysTo(today, -demo.opened);
  const ageDays = demo.age * 365 + Math.floor(demo.age / 4) + randomInt(random, 20, 330);
  const nhsNumber = demo.noNhsNumber ? null : demoNhsNumber(random, nhsUsed);
  const referralDate = addDaysTo(openDate, -randomInt(random, 7, 42));
  // Completed on the day of opening or within two days, and never after the plan was agreed.
  const latest = demo.plan ? demo.opened - demo.plan.agreed : demo.opened;
  const currentViewAfter = demo.grouping ? Math.min(randomInt(random, 0, 2), latest) : 0;
  return seedCase(w, demo, {
    caseRef: `DEMO-${String(index + 1).padStart(4, '0')}`,
    leadId,
    dateOfBirth: addDaysTo(today, -ageDays),
    nhsNumber,
    referralDate,
    currentViewAfter,
  });
}

/**
 * With a profile, the demo joins the profile's team (three fictional colleagues; the profile leads a
 * third of the cases). Without one, it creates a fictional team whose lead becomes the profile.
 */
export function seedDemo(db: Db, clock: Clock): SeedResult {
  const w: WriteContext = { db, clock, actor: DEMO_ACTOR };
  return writeTx(db, () => {
    if (countCases(db) > 0) {
      throw new AppError('conflict', 'The demo caseload can only be loaded into an empty database, and this one already has cases');
    }
    const profileId = profileClinicianId(db);
    let profile: Clinician | null = profileId ? getClinician(db, profileId) : null;
    let clinicians = 0;
    if (!profile) {
      profile = setupProfile(w, { ...DEMO_TEAM_LEAD, teamName: DEMO_TEAM_NAME });
      clinicians++;
    }
    const teamId = profile.teamId;
    const leads = [profile.id, ...DEMO_COLLEAGUES.map((c) => createClinician(w, { ...c, teamId }).id)];
    clinicians += DEMO_COLLEAGUES.length;

    const random = seededRandom(SEED);
    const nhsUsed = new Set<string>();
    const cases = DEMO_CASES.reduce((n, demo, i) => n + seedOne(w, demo, i, leads[demo.lead]!, random, nhsUsed), 0);
    return { clinicians, cases };
  });
}
