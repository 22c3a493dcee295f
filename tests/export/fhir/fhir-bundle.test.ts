/**
 * The pure FHIR builders on hand-made cases: golden files, validation of every resource by the two
 * R4 validators, and the facts a receiving record system depends on.
 */
import { describe, expect, it } from 'vitest';
import { buildFhirBundle, writeFhirBundle } from '../../../main/export/fhir/bundle';
import { goalAchievement } from '../../../main/export/fhir/goals';
import type { Bundle, Resource } from '../../../main/export/fhir/types';
import { CURRENT_VIEW_ITEMS } from '../../../shared/domain/current-view';
import { bundleProblems, describeIssues } from '../../support/fhir-validate';
import { ben, id, jess, META, PRIYA, SAM } from '../../support/fhir/fixtures';
import { expectGolden } from '../../support/fhir/golden';

function resources<T extends Resource['resourceType']>(bundle: Bundle, type: T): Array<Extract<Resource, { resourceType: T }>> {
  return (bundle.entry ?? []).map((e) => e.resource).filter((r): r is Extract<Resource, { resourceType: T }> => r.resourceType === type);
}

function byId<T extends Resource['resourceType']>(bundle: Bundle, type: T, rid: string) {
  const found = resources(bundle, type).find((r) => r.id === rid);
  if (!found) expect.fail(`${type}/${rid} is not in the bundle`);
  return found;
}

/** Every `reference` anywhere in the bundle. */
function referencesIn(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) referencesIn(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'reference' && typeof v === 'string') out.push(v);
      else referencesIn(v, out);
    }
  }
  return out;
}

describe('FHIR bundle builders', () => {
  it('match the golden files', () => {
    expectGolden('open-case.json', buildFhirBundle([jess], META));
    expectGolden('closed-case-revised-plan.json', buildFhirBundle([ben], META));
  });

  it('pass both R4 validators, every resource and the bundle', () => {
    const bundle = buildFhirBundle([jess, ben], META);
    expect(describeIssues(bundleProblems(bundle))).toBe('');
  });

  it('stream the same document as the in-memory form, one case at a time, with progress', () => {
    const chunks: string[] = [];
    const progress: number[] = [];
    const result = writeFhirBundle([jess, ben], META, (c) => chunks.push(c), (done) => progress.push(done));
    const built = buildFhirBundle([jess, ben], META);
    expect(JSON.parse(chunks.join(''))).toEqual(built);
    expect(progress).toEqual([1, 2]);
    expect(result).toEqual({ cases: 2, resources: built.entry!.length });
    expect(chunks.length).toBeGreaterThan(built.entry!.length);
  });

  it('writes each case before reading the next, so a caseload of any size streams', () => {
    const events: string[] = [];
    function* cases() {
      events.push('read jess');
      yield jess;
      events.push('read ben');
      yield ben;
    }
    writeFhirBundle(cases(), META, (chunk) => {
      if (chunk.includes(`"id":"${jess.summary.id}"`)) events.push('wrote jess episode');
      if (chunk.includes(`"id":"${ben.summary.id}"`)) events.push('wrote ben episode');
    });
    expect(events).toEqual(['read jess', 'wrote jess episode', 'read ben', 'wrote ben episode']);
  });

  it('is a collection stamped with the export instant, and an export of no cases has no entries', () => {
    const bundle = buildFhirBundle([jess], { ...META, bundleId: id('8', 1) });
    expect(bundle).toMatchObject({ type: 'collection', timestamp: META.generatedAt, meta: { lastUpdated: META.generatedAt } });
    expect(bundle.identifier).toEqual({ system: 'urn:ietf:rfc:3986', value: `urn:uuid:${id('8', 1)}` });
    const chunks: string[] = [];
    expect(writeFhirBundle([], META, (c) => chunks.push(c))).toEqual({ cases: 0, resources: 0 });
    const empty = JSON.parse(chunks.join(''));
    expect(empty).not.toHaveProperty('entry');
    expect(describeIssues(bundleProblems(empty))).toBe('');
  });

  it('writes shared people and the Questionnaire once, and every reference points at an entry', () => {
    const bundle = buildFhirBundle([jess, ben], META);
    const fullUrls = bundle.entry!.map((e) => e.fullUrl);
    expect(new Set(fullUrls).size).toBe(fullUrls.length);
    expect(resources(bundle, 'Practitioner').map((p) => p.name[0]!.text)).toEqual([SAM.name, PRIYA.name]);
    expect(resources(bundle, 'Questionnaire')).toHaveLength(1);
    const dangling = referencesIn(bundle).filter((r) => !fullUrls.includes(r));
    expect(dangling).toEqual([]);
    // Ids are the app's record ids, so exporting again gives the same document.
    expect(buildFhirBundle([jess, ben], META)).toEqual(bundle);
  });

  it('identifies the young person by NHS number (present, not traced) only when there is one', () => {
    const bundle = buildFhirBundle([jess, ben], META);
    const jessPatient = byId(bundle, 'Patient', jess.summary.youngPersonId);
    expect(jessPatient.identifier[0]).toMatchObject({
      system: 'https://fhir.nhs.uk/Id/nhs-number',
      value: '9434765919',
      extension: [{ valueCodeableConcept: { coding: [{ code: '02', display: 'Number present but not traced' }] } }],
    });
    const benPatient = byId(bundle, 'Patient', ben.summary.youngPersonId);
    expect(benPatient.identifier).toEqual([{ system: 'https://thrive-plans.invalid/Id/case-ref', value: 'RIO 2002/B' }]);
    expect(benPatient).toMatchObject({ birthDate: '2010-01-31', name: [{ text: 'Ben Sample' }] });
  });

  it('maps the case and each plan version: the revised plan revokes and is replaced, a closed case completes', () => {
    const bundle = buildFhirBundle([jess, ben], META);
    expect(byId(bundle, 'EpisodeOfCare', jess.summary.id)).toMatchObject({ status: 'active', period: { start: '2026-10-20' } });
    expect(byId(bundle, 'EpisodeOfCare', ben.summary.id)).toMatchObject({
      status: 'finished',
      period: { start: '2026-02-16', end: '2026-07-10' },
      careManager: { reference: `urn:uuid:${SAM.id}` },
    });
    const jessPlan = byId(bundle, 'CarePlan', jess.plan!.id);
    expect(jessPlan).toMatchObject({ status: 'active', intent: 'plan', period: { start: '2026-10-27', end: '2027-02-27' } });
    expect(jessPlan.category[0]!.coding![0]).toEqual({ system: 'https://thrive-plans.invalid/CodeSystem/thrive-grouping', code: 'getting_help', display: 'Getting Help' });
    expect(jessPlan.note[0]!.text).toBe('If not achieved by the target date (contingency): If not achieved, we will consider the group programme.');
    const [v1, v2] = ben.planVersions;
    expect(byId(bundle, 'CarePlan', v1!.id)).toMatchObject({ status: 'revoked', goal: [{ reference: `urn:uuid:${id('f', 3)}` }, { reference: `urn:uuid:${id('f', 4)}` }, { reference: `urn:uuid:${id('f', 5)}` }] });
    expect(byId(bundle, 'CarePlan', v1!.id)).not.toHaveProperty('replaces');
    const current = byId(bundle, 'CarePlan', v2!.id);
    expect(current).toMatchObject({ status: 'completed', replaces: [{ reference: `urn:uuid:${v1!.id}` }] });
    expect(current.goal.map((g) => g.reference)).toEqual([`urn:uuid:${id('f', 6)}`, `urn:uuid:${id('f', 5)}`]);
    expect(current.note.map((n) => n.text)).toContain(
      'Ending criteria:\n1. Asleep by 11pm on school nights for a month (at the ending: Met)\n2. Back at football practice (at the ending: Partly met)',
    );
    expect(current.note.at(-1)!.text).toBe('Case ended on 10/07/2026. Reason for ending: Ending criteria met.\nSignposting: School wellbeing team');
    // Each version lists its own criteria; only the version in force carries how they stood at the ending.
    expect(byId(bundle, 'CarePlan', v1!.id).note.map((n) => n.text)).toContain('Ending criteria:\n1. Sleeping through most nights\n2. Back at football practice');
  });

  it('gives goals their lifecycle, GBO-derived achievement and rewording link', () => {
    const bundle = buildFhirBundle([jess, ben], META);
    const goal = (n: number) => byId(bundle, 'Goal', id('f', n));
    expect(goal(1)).toMatchObject({ lifecycleStatus: 'active', achievementStatus: { coding: [{ code: 'improving' }] }, target: [{ dueDate: '2027-02-27' }] });
    expect(goal(2).achievementStatus!.coding![0]!.code).toBe('no-change');
    expect(goal(3)).toMatchObject({ lifecycleStatus: 'cancelled', statusDate: '2026-05-04', statusReason: 'Reworded at a plan revision', target: [{ dueDate: '2026-06-30' }] });
    expect(goal(4)).toMatchObject({ lifecycleStatus: 'cancelled', statusReason: 'Dropped at a plan revision', achievementStatus: { coding: [{ code: 'in-progress' }] } });
    expect(goal(5)).toMatchObject({ lifecycleStatus: 'completed', statusDate: '2026-07-10', achievementStatus: { coding: [{ code: 'worsening' }] } });
    expect(goal(6)).toMatchObject({ lifecycleStatus: 'completed', achievementStatus: { coding: [{ code: 'achieved' }] }, target: [{ dueDate: '2026-07-31' }] });
    expect(goal(6).note![0]!.text).toBe(`Reworded on 04/05/2026 from an earlier goal (urn:uuid:${id('f', 3)}): "Sleep better"`);
    expect(goal(3).note![0]!.text).toContain(`urn:uuid:${id('f', 6)}`);
  });

  it('derives achievement from first vs latest GBO rating with the threshold of 3', () => {
    const g = (...scores: number[]) => ({ status: 'active' as const, ratings: scores.map((score, i) => ({ ratedOn: `2026-01-1${i}`, score })) });
    expect(goalAchievement(g())).toBeNull();
    expect(goalAchievement(g(4))).toBe('in-progress');
    expect(goalAchievement(g(4, 6))).toBe('no-change');
    expect(goalAchievement(g(4, 7))).toBe('improving');
    expect(goalAchievement(g(6, 3))).toBe('worsening');
    expect(goalAchievement(g(2, 10))).toBe('achieved');
    expect(goalAchievement({ ...g(2, 4), status: 'achieved' })).toBe('achieved');
  });

  it('writes an Observation per GBO rating, coded by goal position', () => {
    const bundle = buildFhirBundle([ben], META);
    const obs = resources(bundle, 'Observation');
    expect(obs).toHaveLength(ben.goals.reduce((n, g) => n + g.ratings.length, 0));
    const footballLast = obs.find((o) => o.focus[0]!.reference === `urn:uuid:${id('f', 5)}` && o.effectiveDateTime === '2026-07-10');
    expect(footballLast).toMatchObject({
      status: 'final',
      category: [{ coding: [{ code: 'survey' }] }],
      code: { coding: [{ system: 'http://snomed.info/sct', code: '1638551000000109' }] },
      valueInteger: 2,
      subject: { reference: `urn:uuid:${ben.summary.youngPersonId}` },
    });
  });

  it('answers every Current View item in a QuestionnaireResponse, with the grouping and reason', () => {
    const bundle = buildFhirBundle([jess], META);
    const [atOpen, atReview] = resources(bundle, 'QuestionnaireResponse');
    expect(atReview).toMatchObject({ authored: '2026-12-11', author: { reference: `urn:uuid:${PRIYA.id}` }, status: 'completed' });
    const answers = new Map<string, string>();
    for (const item of atOpen!.item) {
      if (item.answer) answers.set(item.linkId, item.answer[0]!.valueCoding.display!);
      for (const sub of item.item ?? []) answers.set(sub.linkId, sub.answer![0]!.valueCoding.display!);
    }
    expect(answers.size).toBe(CURRENT_VIEW_ITEMS.length + 3);
    expect(answers.get('p9')).toBe('Moderate');
    expect(answers.get('cf12')).toBe('Not known');
    expect(answers.get('cf1')).toBe('No');
    expect(answers.get('grouping')).toBe('Getting Help');
    expect(answers.get('reason')).toBe('First contact');
    const questionnaire = resources(bundle, 'Questionnaire')[0]!;
    expect(atOpen!.questionnaire).toBe(`${questionnaire.url}|${questionnaire.version}`);
    const p9 = questionnaire.item.find((i) => i.linkId === 'problems')!.item!.find((i) => i.linkId === 'p9')!;
    expect(p9).toMatchObject({ text: 'Depression/low mood', code: [{ system: 'http://snomed.info/sct', code: '987331000000104' }] });
    expect(questionnaire.item.find((i) => i.linkId === 'complexity')!.item!.every((i) => i.code === undefined)).toBe(true);
  });
});
