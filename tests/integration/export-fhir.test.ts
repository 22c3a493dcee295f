/**
 * FHIR export through its channels on a real encrypted database: the demo caseload and the edge cases
 * (no NHS number, a closed case, goals revised twice), every resource validated by both R4 validators.
 */
import { describe, expect, it } from 'vitest';
import type { Bundle, Resource } from '../../main/export/fhir/types';
import type { ResultOf } from '../../shared/ipc/contract';
import { bundleProblems, describeIssues } from '../support/fhir-validate';
import { generateCaseload } from '../support/synthetic-caseload';
import { closeArgs, currentViewArgs, openCaseArgs, planArgs, reviewArgs, reviseArgs, startApp, type TestApp } from '../support/test-app';

function parse(file: ResultOf<'export:caseFhir'>): Bundle {
  expect(file).toMatchObject({ mimeType: 'application/fhir+json', encoding: 'utf8' });
  return JSON.parse(file.content) as Bundle;
}

function ofType<T extends Resource['resourceType']>(bundle: Bundle, type: T): Array<Extract<Resource, { resourceType: T }>> {
  return (bundle.entry ?? []).map((e) => e.resource).filter((r): r is Extract<Resource, { resourceType: T }> => r.resourceType === type);
}

function expectValid(bundle: Bundle): void {
  expect(describeIssues(bundleProblems(bundle))).toBe('');
}

/** Jo: no NHS number; goal 1 reworded at two revisions, goal 2 dropped at the second; then closed. */
function caseRevisedTwiceThenClosed(app: TestApp, leadId: string) {
  const opened = app.ok('cases:open', openCaseArgs(leadId, { caseRef: 'RIO-3003', name: 'Jo Twice', nhsNumber: null }));
  const caseId = opened.id;
  const detail = () => app.ok('cases:get', { caseId });
  app.ok('currentView:record', currentViewArgs(caseId));
  app.ok('plan:save', planArgs(caseId));

  app.clock.set('2026-12-11');
  const review = app.ok('review:record', reviewArgs(detail(), { decision: 'revise_plan' }));
  const before1 = detail();
  const [goal1, goal2] = before1.goals;
  app.ok('plan:revise', reviseArgs(before1, {
    reviewId: review.id,
    goals: [
      { goalId: goal1!.id, description: 'Get to school four days a week', firstRating: 4 },
      { goalId: goal2!.id, description: goal2!.description, firstRating: null },
    ],
  }));

  app.clock.set('2027-01-10');
  const before2 = detail();
  const reworded = before2.goals.find((g) => g.status === 'active' && g.replacesGoalId === goal1!.id)!;
  app.ok('plan:revise', reviseArgs(before2, {
    revisedDate: '2027-01-10',
    reason: 'Jo wants the goal to be about whole weeks',
    goals: [{ goalId: reworded.id, description: 'Get to school every day for a week', firstRating: 5 }],
  }));

  app.clock.set('2027-02-10');
  app.ok('cases:close', closeArgs(detail()));
  app.clock.set('2027-02-12');
  return { caseId, goal1: goal1!, goal2: goal2!, reworded, final: detail() };
}

describe('export:caseFhir and export:caseloadFhir', () => {
  it('export the whole demo caseload, open and closed, as one valid bundle', () => {
    const app = startApp('2026-11-22');
    app.ok('demo:seed', {});
    const cases = app.ok('cases:list', { status: 'all' });

    const team = app.ok('export:caseloadFhir', { scope: 'team', includeClosed: true });
    expect(team.fileName).toMatch(/^thrive-fhir-team-[a-z0-9-]+-2026-11-22\.json$/);
    const bundle = parse(team);
    expectValid(bundle);
    const types = new Set(bundle.entry!.map((e) => e.resource.resourceType));
    expect([...types].sort()).toEqual(['CarePlan', 'EpisodeOfCare', 'Goal', 'Observation', 'Patient', 'Practitioner', 'Questionnaire', 'QuestionnaireResponse']);
    expect(ofType(bundle, 'CarePlan').some((p) => p.status === 'revoked')).toBe(true);
    expect(ofType(bundle, 'EpisodeOfCare').map((e) => e.id).sort()).toEqual(cases.map((c) => c.id).sort());
    expect(ofType(bundle, 'EpisodeOfCare').filter((e) => e.status === 'finished')).toHaveLength(cases.filter((c) => c.status === 'closed').length);
    // A re-opened young person is one Patient with two episodes; every fullUrl is unique.
    const patients = ofType(bundle, 'Patient');
    expect(patients).toHaveLength(new Set(cases.map((c) => c.youngPersonId)).size);
    expect(patients.length).toBeLessThan(cases.length);
    const fullUrls = bundle.entry!.map((e) => e.fullUrl);
    expect(new Set(fullUrls).size).toBe(fullUrls.length);
    expect(ofType(bundle, 'Questionnaire')).toHaveLength(1);

    // "Mine" is the team lead's own cases; open only by default.
    const profile = app.ok('app:state', {}).profile!;
    const mine = parse(app.ok('export:caseloadFhir', { scope: 'mine', includeClosed: true }));
    const own = cases.filter((c) => c.leadClinicianId === profile.id);
    expect(ofType(mine, 'EpisodeOfCare').map((e) => e.id).sort()).toEqual(own.map((c) => c.id).sort());
    expectValid(mine);
    const openOnly = parse(app.ok('export:caseloadFhir', { scope: 'mine', includeClosed: false }));
    expect(ofType(openOnly, 'EpisodeOfCare').every((e) => e.status === 'active')).toBe(true);
  });

  it('export each demo case on its own: the same resources as in the caseload bundle', () => {
    const app = startApp('2026-11-22');
    app.ok('demo:seed', {});
    const whole = parse(app.ok('export:caseloadFhir', { scope: 'team', includeClosed: true }));
    const byUrl = new Map(whole.entry!.map((e) => [e.fullUrl, e.resource]));
    for (const c of app.ok('cases:list', { status: 'all' })) {
      const file = app.ok('export:caseFhir', { caseId: c.id });
      expect(file.fileName).toBe(`thrive-fhir-${c.caseRef.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-2026-11-22.json`);
      const single = parse(file);
      expect(ofType(single, 'EpisodeOfCare').map((e) => e.id)).toEqual([c.id]);
      // Resources are built from the record alone, so a case alone equals its part of the caseload.
      for (const entry of single.entry!) expect(entry.resource, entry.fullUrl).toEqual(byUrl.get(entry.fullUrl));
      expectValid(single);
    }
  });

  it('export a closed case with no NHS number whose goals were revised twice', () => {
    const app = startApp('2026-11-22');
    const profile = app.ok('profile:setup', { name: 'Sam Taylor', role: 'clinician', teamName: 'CAMHS North' });
    const { caseId, goal1, goal2, reworded, final } = caseRevisedTwiceThenClosed(app, profile.id);
    const bundle = parse(app.ok('export:caseFhir', { caseId }));
    expectValid(bundle);

    const [patient] = ofType(bundle, 'Patient');
    expect(patient!.identifier).toEqual([{ system: 'https://thrive-plans.invalid/Id/case-ref', value: 'RIO-3003' }]);
    expect(ofType(bundle, 'EpisodeOfCare')[0]).toMatchObject({ status: 'finished', period: { start: '2026-10-20', end: '2027-02-10' } });

    const plans = ofType(bundle, 'CarePlan');
    expect(plans.map((p) => p.status)).toEqual(['revoked', 'revoked', 'completed']);
    expect(plans[1]!.replaces).toEqual([{ reference: `urn:uuid:${plans[0]!.id}`, type: 'CarePlan' }]);
    expect(plans[2]!.replaces).toEqual([{ reference: `urn:uuid:${plans[1]!.id}`, type: 'CarePlan' }]);
    expect(plans.map((p) => p.goal.length)).toEqual([2, 2, 1]);

    const goals = new Map(ofType(bundle, 'Goal').map((g) => [g.id, g]));
    const third = final.goals.find((g) => g.replacesGoalId === reworded.id)!;
    expect(goals.get(goal1.id)).toMatchObject({ lifecycleStatus: 'cancelled', statusReason: 'Reworded at a plan revision' });
    expect(goals.get(reworded.id)).toMatchObject({ lifecycleStatus: 'cancelled', statusDate: '2027-01-10' });
    expect(goals.get(reworded.id)!.note!.map((n) => n.text).join('\n')).toContain(goal1.id);
    expect(goals.get(third.id)).toMatchObject({ lifecycleStatus: 'completed', description: { text: 'Get to school every day for a week' } });
    expect(goals.get(third.id)!.note![0]!.text).toContain(reworded.id);
    expect(goals.get(goal2.id)).toMatchObject({ lifecycleStatus: 'cancelled', statusReason: 'Dropped at a plan revision' });

    // One Observation per GBO rating the case holds, and a QuestionnaireResponse per Current View.
    expect(ofType(bundle, 'Observation')).toHaveLength(final.goals.reduce((n, g) => n + g.ratings.length, 0));
    expect(ofType(bundle, 'QuestionnaireResponse').map((q) => q.id)).toEqual(final.currentViews.map((cv) => cv.id));
  });

  it('audit every export, and need a profile', () => {
    const app = startApp('2026-11-22');
    const noProfile = app.call('export:caseloadFhir', { scope: 'mine', includeClosed: false });
    expect(noProfile.ok ? null : noProfile.error.code).toBe('forbidden');

    const profile = app.ok('profile:setup', { name: 'Sam Taylor', role: 'clinician', teamName: 'CAMHS North' });
    const opened = app.ok('cases:open', openCaseArgs(profile.id));
    const file = app.ok('export:caseFhir', { caseId: opened.id });
    expect(file.fileName).toBe('thrive-fhir-rio-1001-2026-11-22.json');
    const history = app.ok('cases:history', { caseId: opened.id });
    expect(history.some((h) => h.action === 'export.create' && h.entityId === file.fileName)).toBe(true);
    // A case with no Current View yet has no QuestionnaireResponse, so no Questionnaire either.
    expect(ofType(parse(file), 'Questionnaire')).toEqual([]);

    const team = app.call('export:caseloadFhir', { scope: 'team', includeClosed: false });
    expect(team.ok ? null : team.error.code).toBe('forbidden');
    const missing = app.call('export:caseFhir', { caseId: '00000000-0000-4000-8000-000000000000' });
    expect(missing.ok ? null : missing.error.code).toBe('not_found');
  });

  it('refuses, beside the field that would fix it, a download too big for the app, and points to the command line', () => {
    const app = startApp('2026-11-22');
    // A team lead whose team holds 1,200 open cases and 1,000 closed: 2,200 with closed ones.
    generateCaseload(app.services.db, { seed: 4_242, today: '2026-11-22', teams: 1, cliniciansPerTeam: 20, openCases: 1_200, closedCases: 1_000, profileRole: 'team_lead' });
    const all = app.call('export:caseloadFhir', { scope: 'team', includeClosed: true });
    expect(all).toMatchObject({ ok: false, error: { code: 'validation', fields: [{ path: 'includeClosed' }] } });
    expect(all.ok ? '' : all.error.message).toBe(
      'This FHIR bundle would hold 2,200 cases, more than the 2,000 one download from the app can hold. ' +
        'Choose open cases only, or ask IT to run the command-line export (thrive export fhir), which writes any number of cases to a file.',
    );
    // Nothing was exported, so nothing was audited as exported.
    expect(app.services.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'export.create'").pluck().get()).toBe(0);
    // The open cases alone fit, and download as one valid bundle.
    const open = app.ok('export:caseloadFhir', { scope: 'team', includeClosed: false });
    expect(ofType(parse(open), 'EpisodeOfCare')).toHaveLength(1_200);
  }, 60_000);
});

