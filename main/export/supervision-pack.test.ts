/** The supervision pack builder on its own: data in, PDF out, read back with pdftotext. */
import { describe, expect, it } from 'vitest';
import { pdfInfo, pdfToText } from '../../tests/support/pdftotext';
import { pdfFonts } from '../../tests/support/pdffonts';
import type { Flag } from '../../shared/domain/flags';
import { buildSupervisionPack, type PackCase, type SupervisionPackInput } from './supervision-pack';

const OVERDUE: Flag = { code: 'review_overdue', label: 'Review overdue', severity: 'urgent', reason: 'Agreed review date 01/11/2026 passed 21 days ago; no review held since.' };

function packCase(rank: number, overrides: Partial<PackCase> = {}): PackCase {
  return {
    rank,
    name: `Young Person ${rank}`,
    caseRef: `RIO-${rank}`,
    nhsNumber: '9434765919',
    grouping: 'getting_help',
    openDate: '2026-09-01',
    weeksOpen: 11,
    nextReviewDate: '2026-12-01',
    targetDate: '2027-03-01',
    flags: [],
    plan: {
      versionNo: 1,
      agreedDate: '2026-09-02',
      agreedOutcome: 'Back at school most days.',
      endingCriteria: ['Attending four days a week', 'Says they can manage low days'],
      targetDate: '2027-03-01',
      likelihood: 'possible',
      likelihoodNote: 'Exams this term',
      contingency: 'Consider the group programme.',
      riskSupportSummary: null,
    },
    goals: [{ description: 'Go to school', first: 3, latest: 7, change: 'improved', ratings: 3 }],
    ...overrides,
  };
}

function input(cases: PackCase[]): SupervisionPackInput {
  return { clinicianName: 'Siân O’Neill – Band 7', teamName: 'CAMHS West', today: '2026-11-22', createdAt: '2026-11-22T12:00:00.000Z', cases };
}

describe('buildSupervisionPack', () => {
  it('makes an A4 PDF with the marking and page numbers on every page', () => {
    const cases = Array.from({ length: 30 }, (_, i) => packCase(i + 1));
    const pdf = buildSupervisionPack(input(cases));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const info = pdfInfo(pdf);
    expect(info['Page size']).toMatch(/^595\.2\d x 841\.8\d pts \(A4\)$/);
    expect(info['Title']).toBe('Supervision pack: Siân O’Neill – Band 7');
    const { pages } = pdfToText(pdf);
    expect(pages.length).toBeGreaterThan(3);
    pages.forEach((page, i) => {
      expect(page).toContain('OFFICIAL-SENSITIVE: PERSONAL');
      expect(page).toContain(`Page ${i + 1} of ${pages.length}`);
    });
    expect(pages[0]).toContain('Supervision pack: Siân O’Neill – Band 7');
  });

  it('keeps each case on one page when it fits, so a case is never split from its plan or goals', () => {
    const cases = Array.from({ length: 25 }, (_, i) => packCase(i + 1, { flags: i < 10 ? [OVERDUE] : [] }));
    const { pages } = pdfToText(buildSupervisionPack(input(cases)));
    for (const c of cases) {
      const onPages = pages.filter((p) => p.includes(`${c.rank}. ${c.name}\n`));
      expect(onPages, c.name).toHaveLength(1);
      const page = onPages[0]!;
      const block = page.slice(page.indexOf(`${c.rank}. ${c.name}\n`));
      expect(block, c.name).toContain(`Case ref ${c.caseRef}`);
      expect(block, c.name).toContain('Meaningful change is 3 or more points.');
    }
  });

  it('flows a case longer than a page across pages rather than losing text', () => {
    const long = 'A very long agreed outcome sentence that goes on. '.repeat(120).trim();
    const { text } = pdfToText(buildSupervisionPack(input([packCase(1, { plan: { ...packCase(1).plan!, agreedOutcome: long } })])));
    expect(text.replace(/\s+/g, ' ')).toContain('goes on. A very long agreed outcome sentence that goes on.');
    expect(text).toContain('Meaningful change is 3 or more points.');
  });

  it('says so when there are no cases', () => {
    const { text } = pdfToText(buildSupervisionPack(input([])));
    expect(text).toContain('Open cases: 0');
    expect(text).toContain('Cases needing action (0)');
    expect(text).toContain('No open case needs action.');
    expect(text).toContain('Page 1 of 1');
  });

  it('prints names exactly as typed, in any European alphabet, and marks what the font cannot draw', () => {
    const names = ['Łucja Nowak-Żółć', 'Siân', 'Zoë', "O'Brien", 'Kai 🙂 Tan'];
    const cases = names.map((name, i) =>
      packCase(i + 1, { name, goals: [{ description: 'Feel ≥ OK → go out', first: 2, latest: 2, change: 'no_reliable_change', ratings: 1 }] }),
    );
    const { text } = pdfToText(buildSupervisionPack(input(cases)));
    expect(text).toContain('1. Łucja Nowak-Żółć\n');
    expect(text).toContain('2. Siân\n');
    expect(text).toContain('3. Zoë\n');
    expect(text).toContain("4. O'Brien\n");
    expect(text).toContain('5. Kai ? Tan\n');
    expect(text).toContain('“Feel ≥ OK → go out”: 2 to 2, No reliable change (rated once so far)');
  });

  it('embeds its font as a subset, so the file stays small', () => {
    const pdf = buildSupervisionPack(input(Array.from({ length: 5 }, (_, i) => packCase(i + 1))));
    expect(pdf.length).toBeLessThan(120_000);
    const fonts = pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) expect(f).toMatch(/^[A-Z]{6}\+DejaVuSans(-Bold|-Oblique)?\s+CID TrueType\s+Identity-H\s+yes yes yes/);
  });

  it('is the same file for the same data (no wall-clock time inside)', () => {
    const a = buildSupervisionPack(input([packCase(1)]));
    const b = buildSupervisionPack(input([packCase(1)]));
    expect(a.equals(b)).toBe(true);
  });
});
