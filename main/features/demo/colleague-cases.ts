/** The fifteen demo cases led by the three fictional colleagues (`lead` 1–3), in case-reference order. */
import { COLLEAGUE_1_CASES } from './colleague-1-cases';
import { COLLEAGUE_2_CASES } from './colleague-2-cases';
import { COLLEAGUE_3_CASES } from './colleague-3-cases';
import type { DemoCase } from './demo-case';

export const COLLEAGUE_CASES: readonly DemoCase[] = [...COLLEAGUE_1_CASES, ...COLLEAGUE_2_CASES, ...COLLEAGUE_3_CASES];
