/**
 * The validators are only worth trusting if they reject mistakes: each deliberately broken resource
 * here must fail in at least one of the two libraries, and a correct one must pass both.
 */
import { describe, expect, it } from 'vitest';
import { bindingStrength, bundleProblems, describeIssues, isError, isTolerated, validateFhirResource } from '../../support/fhir-validate';

const subject = { reference: 'urn:uuid:00000009-0000-4000-8000-000000000001' };
const goodGoal = { resourceType: 'Goal', id: 'g1', lifecycleStatus: 'active', description: { text: 'Sleep better' }, subject };

function errorsOf<T extends { resourceType: string }>(resource: T) {
  return validateFhirResource(resource).filter(isError);
}

describe('the FHIR validators used by the export tests', () => {
  it('pass a correct resource', () => {
    expect(errorsOf(goodGoal)).toEqual([]);
  });

  it('reject a Goal without its required lifecycleStatus', () => {
    const { lifecycleStatus: _dropped, ...broken } = goodGoal;
    const errors = errorsOf(broken);
    expect(errors.map((e) => e.validator).sort()).toEqual(['fhir.js', 'medplum']);
    expect(describeIssues(errors)).toMatch(/lifecycleStatus/);
  });

  it('reject a CarePlan whose intent is not in the required value set', () => {
    const errors = errorsOf({ resourceType: 'CarePlan', id: 'p1', status: 'active', intent: 'wish', subject });
    expect(errors.some((e) => e.validator === 'fhir.js' && /CarePlan\.intent/.test(e.location))).toBe(true);
  });

  it('reject an Observation whose code is an array (cardinality 1..1)', () => {
    const errors = errorsOf({ resourceType: 'Observation', id: 'o1', status: 'final', code: [{ text: 'GBO' }], subject, valueInteger: 3 });
    expect(errors.length).toBeGreaterThan(0);
    expect(describeIssues(errors)).toMatch(/Observation\.code/);
  });

  it('reject an impossible date', () => {
    const errors = errorsOf({ resourceType: 'Patient', id: 'y1', birthDate: '2012-13-45' });
    expect(describeIssues(errors)).toMatch(/Patient\.birthDate.*Invalid date/);
  });

  it('reject an unknown element and a wrong primitive type', () => {
    expect(describeIssues(errorsOf({ ...goodGoal, colour: 'blue' }))).toMatch(/colour|Unexpected/i);
    expect(errorsOf({ resourceType: 'Observation', id: 'o2', status: 'final', code: { text: 'GBO' }, valueInteger: '7' }).length).toBeGreaterThan(0);
  });

  it('check every entry of a bundle, not just the bundle', () => {
    const { lifecycleStatus: _dropped, ...broken } = goodGoal;
    const bundle = {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [{ fullUrl: 'urn:uuid:0000000f-0000-4000-8000-000000000001', resource: broken }],
    };
    expect(describeIssues(bundleProblems(bundle))).toMatch(/Goal\/g1.*lifecycleStatus/);
  });
});

describe('what the export tests tolerate', () => {
  it('tolerates an unlisted code only where R4 binds the element by example', () => {
    expect(bindingStrength('CarePlan.category')).toBe('example');
    expect(bindingStrength('Observation.code')).toBe('example');
    expect(bindingStrength('CarePlan.intent')).toBe('required');
    const local = { system: 'https://thrive-plans.invalid/CodeSystem/thrive-grouping', code: 'getting_help' };
    const plan = { resourceType: 'CarePlan', id: 'p1', status: 'active', intent: 'plan', subject, category: [{ coding: [local] }] };
    expect(bundleProblems({ resourceType: 'Bundle', type: 'collection', entry: [{ fullUrl: 'urn:uuid:0000000e-0000-4000-8000-000000000001', resource: plan }] })).toEqual([]);
    // The same code where the binding is extensible (Observation.category) still fails.
    const obs = { resourceType: 'Observation', id: 'o1', status: 'final', code: { text: 'GBO' }, subject, valueInteger: 3, category: [{ coding: [local] }] };
    expect(validateFhirResource(obs).filter((i) => !isTolerated(i)).length).toBeGreaterThan(0);
  });
});
