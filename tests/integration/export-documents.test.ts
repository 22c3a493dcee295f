/**
 * The case documents through their channels on the demo caseload (a real encrypted database): the
 * family's plan and the ending letter as PDFs, decoded and read back with pdftotext as a family would
 * read them, and the plain-text summaries; refusals; and the audit entry each export leaves.
 */
import { describe, expect, it } from 'vitest';
import { formatUkDate } from '../../shared/dates';
import type { CaseDetail, ExportFile } from '../../shared/ipc/types';
import { listCaseAudit } from '../../main/db/repos/audit';
import { pdfFonts } from '../support/pdffonts';
import { pdfToText } from '../support/pdftotext';
import { currentViewArgs, startApp, type TestApp } from '../support/test-app';

const TODAY = '2026-11-22';

function demoApp() {
  const app = startApp(TODAY);
  app.ok('profile:setup', { name: 'Sam Taylor', role: 'clinician', teamName: 'CAMHS North' });
  app.ok('demo:seed', {});
  const byName = (name: string): CaseDetail => {
    const summary = app.ok('cases:list', { status: 'all' }).find((c) => c.name === name && (c.status === 'closed' || c.episodeNo === 1));
    if (!summary) expect.fail(`no demo case for ${name}`);
    return app.ok('cases:get', { caseId: summary.id });
  };
  return { ...app, byName };
}

function pdfOf(file: ExportFile): Buffer {
  expect(file.mimeType).toBe('application/pdf');
  expect(file.encoding).toBe('base64');
  const pdf = Buffer.from(file.content, 'base64');
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  return pdf;
}

const flat = (text: string) => text.replace(/\s+/g, ' ');

function expectEveryPageMarked(pages: string[], footer: string) {
  expect(pages.length).toBeGreaterThan(0);
  pages.forEach((page, i) => {
    expect(page).toContain('OFFICIAL-SENSITIVE: PERSONAL');
    expect(page).toContain(`Page ${i + 1} of ${pages.length}`);
    expect(page).toContain(footer);
  });
}

function exportsOf(app: TestApp, caseId: string) {
  return listCaseAudit(app.services.db, caseId).filter((e) => e.action === 'export.create');
}

describe('export:casePdf family-plan', () => {
  it("gives an open case's family its plan: goals in their words with today's scores, when to stop, what if not, next review, contacts", () => {
    const app = demoApp();
    const amelia = app.byName('Amelia Hart');
    const file = app.ok('export:casePdf', { caseId: amelia.summary.id, document: 'family-plan' });
    expect(file.fileName).toBe(`thrive-family-plan-${amelia.summary.caseRef.toLowerCase()}-2026-11-22.pdf`);
    const pdf = pdfOf(file);
    // The fonts are subset: a two-page letter stays small.
    expect(pdf.length).toBeLessThan(100_000);
    expect(pdfFonts(pdf).every((f) => /^[A-Z]{6}\+DejaVuSans(-Bold)?\s/.test(f))).toBe(true);

    const { text, pages } = pdfToText(pdf);
    const t = flat(text);
    const plan = amelia.plan!;
    expect(pages[0]).toContain("Amelia Hart's THRIVE plan\n");
    expect(t).toContain(`Date of birth: ${formatUkDate(amelia.summary.dateOfBirth)}`);
    expect(t).toContain(`We agreed this plan together on ${formatUkDate(plan.agreedDate)}.`);
    expect(t).toContain('What we are working on together Getting Help. Focused help for a set time');
    expect(t).toContain('What success would look like: Amelia feels her mood is manageable most days and is back in all her lessons.');
    const sad = amelia.goals.find((g) => g.description === 'To stop feeling sad all the time')!;
    const latest = sad.ratings.at(-1)!;
    expect(latest.score).toBe(5);
    expect(t).toContain(
      `Goal 1: “To stop feeling sad all the time” Where you are now: 5 out of 10 (${formatUkDate(latest.ratedOn)}). When we started: 3 out of 10.`,
    );
    expect(t).toContain(`Goal 2: “Go back to PE without making excuses” When we started (${formatUkDate(plan.agreedDate)}): 2 out of 10.`);
    expect(t).toContain('We agreed that our work together can end when: • Attending all lessons for four weeks in a row • Amelia rates her mood 6 or more on most days for a month');
    expect(t).toContain(`How likely this is by ${formatUkDate(plan.targetDate)} We think this is likely to happen by ${formatUkDate(plan.targetDate)}.`);
    expect(t).toContain(`If things have not worked out by ${formatUkDate(plan.targetDate)} If things have not shifted by the target date`);
    expect(t).toContain(`Your next review We will meet to look at this plan together on ${formatUkDate(amelia.summary.nextReviewDate)}.`);
    expect(t).toContain(`Your lead clinician: ${amelia.summary.leadClinicianName} Service: ${amelia.summary.coordinatingAgency}`);
    expect(t).toContain('If you are worried about safety If you or someone else is in danger right now, call 999 or go to A&E.');
    expect(t).toMatch(/\d{2}\/\d{2}\/\d{4}/);
    expect(t).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expectEveryPageMarked(pages, "Amelia Hart's THRIVE plan. Made on 22/11/2026");

    const audit = exportsOf(app, amelia.summary.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      youngPersonId: amelia.summary.youngPersonId,
      entityId: file.fileName,
      after: { format: 'pdf:family-plan', fileName: file.fileName, cases: 1 },
    });
  });

  it('gives a closed case its plan as it was at the end, with no next review', () => {
    const app = demoApp();
    const daniel = app.byName('Daniel Osei');
    expect(daniel.summary.status).toBe('closed');
    const { text, pages } = pdfToText(pdfOf(app.ok('export:casePdf', { caseId: daniel.summary.id, document: 'family-plan' })));
    const t = flat(text);
    expect(t).toContain("Daniel Osei's THRIVE plan");
    expect(t).toContain(`Our work together ended on ${formatUkDate(daniel.summary.closedDate)}. This is the plan as it was at the end.`);
    expect(t).toContain('Goal 1: “Get to sleep before midnight on school nights” Where you are now:');
    expect(t).not.toContain('Your next review');
    expectEveryPageMarked(pages, "Daniel Osei's THRIVE plan. Made on 22/11/2026");
  });

  it('refuses a case with no plan and an unknown case, writing nothing to the audit trail', () => {
    const app = demoApp();
    const noPlan = app.ok('cases:list', { status: 'open' }).find((c) => !c.planComplete)!;
    const refused = app.call('export:casePdf', { caseId: noPlan.id, document: 'family-plan' });
    expect(refused).toEqual({
      ok: false,
      error: { code: 'validation', message: 'This case has no THRIVE plan yet, so there is no plan to give the family. Agree the plan first.' },
    });
    expect(exportsOf(app, noPlan.id)).toEqual([]);
    const unknown = app.call('export:casePdf', { caseId: '00000000-0000-7000-8000-00000000dead', document: 'family-plan' });
    expect(unknown.ok === false && unknown.error.code).toBe('not_found');
  });
});

describe('export:casePdf ending-letter', () => {
  it('tells the family of a closed case the dates, why help ended, each goal first to final with its change, and how to come back', () => {
    const app = demoApp();
    const daniel = app.byName('Daniel Osei');
    const ending = daniel.ending!;
    const file = app.ok('export:casePdf', { caseId: daniel.summary.id, document: 'ending-letter' });
    expect(file.fileName).toBe(`thrive-ending-letter-${daniel.summary.caseRef.toLowerCase()}-2026-11-22.pdf`);
    const pdf = pdfOf(file);
    expect(pdf.length).toBeLessThan(100_000);
    const { text, pages } = pdfToText(pdf);
    const t = flat(text);
    const opened = formatUkDate(daniel.summary.openDate);
    const closed = formatUkDate(ending.endingDate);
    expect(pages[0]).toContain('Ending summary for Daniel Osei\n');
    expect(t).toContain(`Help from us: ${opened} to ${closed} Date of this letter: 22/11/2026`);
    expect(t).toContain('Dear Daniel Osei,');
    expect(t).toContain('Why our help is ending You have reached what we agreed at the start would show that our work together could end.');
    const final = ending.finalRatings[0]!.score;
    const change = final - 3;
    expect(t).toContain(`Goal 1: “Get to sleep before midnight on school nights” You started at 3 out of 10 and finished at ${final} out of 10.`);
    expect(t).toContain(change >= 3 ? `Improved: up ${change} points.` : 'No reliable change');
    expect(t).toContain('• On time for school four days a week for a month: ');
    expect(t).toContain('If you need help again You can come back.');
    expect(t).toContain(`With best wishes, ${daniel.summary.leadClinicianName} Lead clinician, ${daniel.summary.coordinatingAgency}`);
    expectEveryPageMarked(pages, 'Ending summary for Daniel Osei. Made on 22/11/2026');
    expect(exportsOf(app, daniel.summary.id).map((e) => (e.after as { format: string }).format)).toEqual(['pdf:ending-letter']);
  });

  it('refuses an open case clearly, writing nothing to the audit trail', () => {
    const app = demoApp();
    const amelia = app.byName('Amelia Hart');
    expect(app.call('export:casePdf', { caseId: amelia.summary.id, document: 'ending-letter' })).toEqual({
      ok: false,
      error: { code: 'validation', message: 'This case is still open. The ending letter can be made once the case has been ended (End the case).' },
    });
    expect(exportsOf(app, amelia.summary.id)).toEqual([]);
  });
});

describe('who may export', () => {
  it('refuses before a profile is set up: exports are made in the clinician\'s name', () => {
    const app = startApp(TODAY);
    const caseId = '00000000-0000-7000-8000-000000000001';
    const message = 'Set up your profile before exporting: exports are made in your name.';
    expect(app.call('export:casePdf', { caseId, document: 'family-plan' })).toEqual({ ok: false, error: { code: 'forbidden', message } });
    expect(app.call('export:summaryText', { caseId, kind: 'plan' })).toEqual({ ok: false, error: { code: 'forbidden', message } });
  });
});

describe('names exactly as typed, through the whole chain', () => {
  it('prints Łucja Nowak-Żółć, Siân, Zoë and O’Brien as they were entered', () => {
    const app = startApp(TODAY);
    const profile = app.ok('profile:setup', { name: "Siân O'Brien", role: 'clinician', teamName: 'CAMHS North' });
    const opened = app.ok('cases:open', {
      caseRef: 'RIO/2001_b',
      name: 'Łucja Nowak-Żółć',
      dateOfBirth: '2012-05-14',
      nhsNumber: null,
      referralDate: '2026-10-01',
      openDate: '2026-10-20',
      leadClinicianId: profile.id,
      coordinatingAgency: 'CAMHS',
    });
    app.ok('currentView:record', currentViewArgs(opened.id));
    app.ok('plan:save', {
      caseId: opened.id,
      agreedDate: '2026-10-27',
      goals: [
        { description: 'Visit Zoë at the weekend', firstRating: 3 },
        { description: "Talk to Mrs O'Brien at school", firstRating: 4 },
      ],
      agreedOutcome: 'Łucja feels able to go out with friends.',
      endingCriteria: ['Łucja goes out twice a week for a month'],
      likelihood: 'possible',
      likelihoodNote: null,
      targetDate: '2027-02-27',
      contingency: 'Łucja and her mum decide with Siân what comes next.',
      reviewDate: '2026-12-08',
      riskSupportSummary: null,
      sdm: { participants: ['young_person'], otherParticipants: null, optionsConsidered: 'CBT', decisionAid: null, collaborate: null },
    });
    const file = app.ok('export:casePdf', { caseId: opened.id, document: 'family-plan' });
    expect(file.fileName).toBe('thrive-family-plan-rio-2001-b-2026-11-22.pdf');
    const { text } = pdfToText(pdfOf(file));
    expect(text).toContain("Łucja Nowak-Żółć's THRIVE plan\n");
    expect(text).toContain('Name: Łucja Nowak-Żółć\n');
    expect(text).toContain('Goal 1: “Visit Zoë at the weekend”');
    expect(text).toContain("Goal 2: “Talk to Mrs O'Brien at school”");
    expect(text).toContain("Your lead clinician: Siân O'Brien\n");
    expect(flat(text)).toContain('• Łucja goes out twice a week for a month');
    expect(flat(text)).toContain('If things have not worked out by 27/02/2027 Łucja and her mum decide with Siân what comes next.');

    const summary = app.ok('export:summaryText', { caseId: opened.id, kind: 'plan' });
    expect(summary.text).toContain('Young person: Łucja Nowak-Żółć\n');
    expect(summary.text).toContain("Lead clinician: Siân O'Brien, CAMHS\n");
    expect(summary.text).toContain('1. Visit Zoë at the weekend: first 3/10, latest 3/10 on 27/10/2026 (0, No\n   reliable change)\n');
  });
});

describe('export:summaryText', () => {
  it('gives the plan, latest or chosen review, and ending of demo cases as plain text with UK dates', () => {
    const app = demoApp();
    const amelia = app.byName('Amelia Hart');
    const plan = app.ok('export:summaryText', { caseId: amelia.summary.id, kind: 'plan' });
    expect(plan.title).toBe('THRIVE plan summary');
    expect(plan.text.startsWith(`THRIVE PLAN SUMMARY\nYoung person: Amelia Hart\nDate of birth: ${formatUkDate(amelia.summary.dateOfBirth)}\n`)).toBe(true);
    expect(plan.text).toContain(`Case ref: ${amelia.summary.caseRef}\n`);
    expect(plan.text).toContain(`Target date: ${formatUkDate(amelia.plan!.targetDate)}\n`);
    expect(plan.text).toContain('Decision aid used: i-THRIVE Grid: low mood\n');
    expect(plan.text.endsWith('Source: THRIVE Plans, 22/11/2026.\n')).toBe(true);
    expect(plan.text).not.toMatch(/\d{4}-\d{2}-\d{2}|[*#<>]/);

    const daniel = app.byName('Daniel Osei');
    const latest = app.ok('export:summaryText', { caseId: daniel.summary.id, kind: 'review' });
    expect(latest.title).toBe('THRIVE review summary');
    const last = daniel.reviews.at(-1)!;
    expect(latest.text).toContain(`Review date: ${formatUkDate(last.reviewDate)} (review 3 of 3)\n`);
    expect(latest.text).toContain('Decision: Move to ending\n');
    expect(latest.text).toContain('Ending plan: One last session to put together a wellbeing plan, then close.\n');
    const first = app.ok('export:summaryText', { caseId: daniel.summary.id, kind: 'review', reviewId: daniel.reviews[0]!.id });
    expect(first.text).toContain(`Review date: ${formatUkDate(daniel.reviews[0]!.reviewDate)} (review 1 of 3)\n`);
    expect(first.text).toContain('1. Get to sleep before midnight on school nights: 5/10 (first rating 3/10 on');

    const ending = app.ok('export:summaryText', { caseId: daniel.summary.id, kind: 'ending' });
    expect(ending.title).toBe('THRIVE ending summary');
    expect(ending.text).toContain(`Opened: ${formatUkDate(daniel.summary.openDate)}\n`);
    expect(ending.text).toContain('Reason for ending: Ending criteria met\n');
    expect(ending.text).toContain('1. Get to sleep before midnight on school nights: 3/10 to ');

    expect(exportsOf(app, daniel.summary.id).map((e) => (e.after as { format: string }).format)).toEqual([
      'text:review-summary',
      'text:review-summary',
      'text:ending-summary',
    ]);
  });

  it('refuses clearly: no review yet, an ending of an open case, a review of another case', () => {
    const app = demoApp();
    const amelia = app.byName('Amelia Hart');
    expect(amelia.reviews).toEqual([]);
    expect(app.call('export:summaryText', { caseId: amelia.summary.id, kind: 'review' })).toEqual({
      ok: false,
      error: { code: 'validation', message: 'No review has been recorded for this case yet, so there is no review summary to copy.' },
    });
    expect(app.call('export:summaryText', { caseId: amelia.summary.id, kind: 'ending' })).toEqual({
      ok: false,
      error: { code: 'validation', message: 'This case is still open, so there is no ending to summarise. End the case first.' },
    });
    const daniel = app.byName('Daniel Osei');
    const other = app.call('export:summaryText', { caseId: amelia.summary.id, kind: 'review', reviewId: daniel.reviews[0]!.id });
    expect(other.ok === false && other.error.code).toBe('not_found');
    expect(exportsOf(app, amelia.summary.id)).toEqual([]);
  });
});
