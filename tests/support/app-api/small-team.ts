/**
 * A team for the team view's component tests, seeded through the real channels with fixed dates relative
 * to the tests' today (11/01/2027): one open case per urgency band and a few closures with known answers.
 * (For thousands of cases, `backend.generate` writes a synthetic caseload through the repos instead.)
 */
import type { Clinician } from '../../../shared/ipc/types';
import { createTestBackend, type TestBackend } from './backend';

export interface SmallTeam {
  backend: TestBackend;
  lead: Clinician;
  kim: Clinician;
  rivera: Clinician;
  ids: Record<'jordan' | 'riley' | 'sam' | 'jo' | 'alex', string>;
}

/** Names in the urgency order main gives them (risk gap, overdue, no plan, due soon, none). */
export const SMALL_TEAM_ORDER = ['Jordan Blake', 'Riley Shaw', 'Sam Patel', 'Jo Okafor', 'Alex Brown'];

/**
 * The team lead Alex Morgan (Riverside CAMHS) with colleagues Dr Kim and Sam Rivera.
 * Open: Jordan Blake (Dr Kim, Getting Risk Support, review agreed for 03/12/2026 and never held: Risk
 * Support review gap), Riley Shaw (lead, review overdue since 08/01/2027), Sam Patel (Dr Kim, no plan,
 * NHS 943 476 5919), Jo Okafor (Sam Rivera, review due 15/01/2027), Alex Brown (lead, Getting More Help
 * at open, Getting Help since a review today). Closed in the last 12 months: Kai Turner (Dr Kim: Getting
 * Help → Thriving, goal 2 → 7 Improved, criteria met) and Mia Evans (Sam Rivera: Getting More Help →
 * Getting Help, goal 6 → 2 Deteriorated, moved away). Closed before the period: Noor Ali (lead, 2025).
 */
export function smallTeam(): SmallTeam {
  const backend = createTestBackend({ role: 'team_lead' });
  const lead = backend.profile;
  const kim = backend.addClinician('Dr Kim');
  const rivera = backend.addClinician('Sam Rivera');
  const ids = {
    jordan: backend.seedCase({
      name: 'Jordan Blake',
      caseRef: 'RIO-1001',
      leadClinicianId: kim.id,
      openDate: '2026-11-01',
      grouping: 'getting_risk_support',
      plan: { agreedDate: '2026-11-05', reviewDate: '2026-12-03' },
    }),
    riley: backend.seedCase({
      name: 'Riley Shaw',
      caseRef: 'RIO-1002',
      openDate: '2026-11-16',
      grouping: 'getting_help',
      plan: {
        agreedDate: '2026-11-20',
        reviewDate: '2027-01-08',
        goals: [{ description: 'Sleep through the night', ratings: [{ date: '2026-11-20', score: 3 }, { date: '2027-01-05', score: 5 }] }],
      },
    }),
    sam: backend.seedCase({ name: 'Sam Patel', caseRef: 'RIO-1003', leadClinicianId: kim.id, openDate: '2026-12-01', nhsNumber: '9434765919' }),
    jo: backend.seedCase({
      name: 'Jo Okafor',
      caseRef: 'RIO-1004',
      leadClinicianId: rivera.id,
      openDate: '2027-01-04',
      grouping: 'getting_advice',
      plan: { agreedDate: '2027-01-04', reviewDate: '2027-01-15' },
    }),
    alex: backend.seedCase({
      name: 'Alex Brown',
      caseRef: 'RIO-1005',
      openDate: '2026-12-28',
      grouping: 'getting_more_help',
      plan: { agreedDate: '2026-12-30', reviewDate: '2027-01-11' },
    }),
  };
  backend.seedReview(ids.alex, { reviewDate: '2027-01-11', scores: [4], grouping: 'getting_help', nextReviewDate: '2027-03-01' });
  closures(backend, kim, rivera);
  return { backend, lead, kim, rivera, ids };
}

function closures(backend: TestBackend, kim: Clinician, rivera: Clinician): void {
  const kai = backend.seedCase({
    name: 'Kai Turner',
    caseRef: 'RIO-0901',
    leadClinicianId: kim.id,
    openDate: '2026-06-01',
    grouping: 'getting_help',
    plan: { agreedDate: '2026-06-05', goals: [{ description: 'Go back to school', ratings: [{ date: '2026-06-05', score: 2 }] }] },
  });
  backend.seedClosure(kai, { endingDate: '2026-12-15', grouping: 'thriving', finalScores: [7] });
  const mia = backend.seedCase({
    name: 'Mia Evans',
    caseRef: 'RIO-0902',
    leadClinicianId: rivera.id,
    openDate: '2026-05-01',
    grouping: 'getting_more_help',
    plan: { agreedDate: '2026-05-04', goals: [{ description: 'Feel calmer at home', ratings: [{ date: '2026-05-04', score: 6 }] }] },
  });
  backend.seedClosure(mia, { endingDate: '2026-11-30', grouping: 'getting_help', reason: 'moved_away', finalScores: [2] });
  const noor = backend.seedCase({
    name: 'Noor Ali',
    caseRef: 'RIO-0501',
    openDate: '2025-01-06',
    grouping: 'getting_advice',
    plan: { agreedDate: '2025-01-10', goals: [{ description: 'Make a friend', ratings: [{ date: '2025-01-10', score: 4 }] }] },
  });
  backend.seedClosure(noor, { endingDate: '2025-06-02', grouping: 'thriving', reason: 'enough_help', finalScores: [5] });
}
