/** The whole fictional demo caseload, in case-reference order (DEMO-0001 onwards). */
import { CLOSED_CASES } from './closed-cases';
import { COLLEAGUE_CASES } from './colleague-cases';
import type { DemoCase } from './demo-case';
import { PROFILE_CASES } from './profile-cases';

export type { DemoCase, DemoGoal, DemoPlan } from './demo-case';

export const DEMO_CASES: readonly DemoCase[] = [...PROFILE_CASES, ...COLLEAGUE_CASES, ...CLOSED_CASES];
