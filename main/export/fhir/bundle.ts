/**
 * The FHIR R4 export as one Bundle of type `collection`. writeFhirBundle writes the JSON text as it goes
 * (the opening, each entry as soon as it is built, the closing) and holds one case at a time, so a
 * caseload of any size streams to disk; buildFhirBundle is the same document in memory.
 *
 * Resource ids are the app's record ids (UUIDs), so exporting again gives the same ids, and entries
 * refer to each other by their urn:uuid fullUrls. A young person, clinician or the Current View
 * Questionnaire shared by several cases is written once per bundle (a bundle may not repeat a fullUrl).
 */
import type { IsoDate } from '../../../shared/dates';
import type { CaseDetail } from '../../../shared/ipc/types';
import { carePlansOf } from './care-plan';
import { currentViewQuestionnaire, currentViewResponse } from './current-view';
import { gboObservationOf, goalOf } from './goals';
import { episodeOf, patientOf, practitionersOf } from './people';
import { CURRENT_VIEW_QUESTIONNAIRE_URL, UK_CORE_PROFILE, urn } from './systems';
import type { Bundle, BundleEntry, Resource } from './types';

export interface FhirExportMeta {
  /** The instant the export was made (ISO, UTC): Bundle.timestamp and meta.lastUpdated. */
  generatedAt: string;
  today: IsoDate;
  /** A UUID for Bundle.identifier, when the caller wants the file itself identifiable. */
  bundleId?: string;
}

function entryOf(resource: Resource): BundleEntry {
  const fullUrl = resource.resourceType === 'Questionnaire' ? CURRENT_VIEW_QUESTIONNAIRE_URL : urn(resource.id);
  return { fullUrl, resource };
}

/** The resources of one case in reading order; `seen` holds the fullUrls already in the bundle. */
export function* caseEntries(detail: CaseDetail, seen: Set<string>): Generator<BundleEntry> {
  const once = function* (resource: Resource): Generator<BundleEntry> {
    const entry = entryOf(resource);
    if (seen.has(entry.fullUrl)) return;
    seen.add(entry.fullUrl);
    yield entry;
  };
  yield* once(patientOf(detail));
  for (const p of practitionersOf(detail)) yield* once(p);
  yield entryOf(episodeOf(detail));
  for (const plan of carePlansOf(detail)) yield entryOf(plan);
  for (const goal of detail.goals) yield entryOf(goalOf(detail, goal));
  for (const goal of detail.goals) for (const rating of goal.ratings) yield entryOf(gboObservationOf(detail, goal, rating));
  if (detail.currentViews.length > 0) yield* once(currentViewQuestionnaire());
  for (const cv of detail.currentViews) yield entryOf(currentViewResponse(cv, detail.summary.youngPersonId));
}

function bundleHead(meta: FhirExportMeta): Omit<Bundle, 'entry'> {
  return {
    resourceType: 'Bundle',
    meta: { profile: [UK_CORE_PROFILE.Bundle], lastUpdated: meta.generatedAt },
    ...(meta.bundleId ? { identifier: { system: 'urn:ietf:rfc:3986', value: urn(meta.bundleId) } } : {}),
    type: 'collection',
    timestamp: meta.generatedAt,
  };
}

export interface FhirWriteResult {
  cases: number;
  resources: number;
}

/**
 * Writes the bundle as JSON text in chunks. FHIR JSON forbids empty arrays, so `entry` is opened only
 * when the first entry arrives (an export of no cases is a bundle without entries).
 */
export function writeFhirBundle(
  cases: Iterable<CaseDetail>,
  meta: FhirExportMeta,
  write: (chunk: string) => void,
  onCase?: (done: number) => void,
): FhirWriteResult {
  const head = JSON.stringify(bundleHead(meta));
  write(head.slice(0, -1));
  const seen = new Set<string>();
  let count = 0;
  let resources = 0;
  for (const detail of cases) {
    for (const entry of caseEntries(detail, seen)) {
      write(resources === 0 ? ',"entry":[\n' : ',\n');
      write(JSON.stringify(entry));
      resources++;
    }
    count++;
    onCase?.(count);
  }
  write(resources === 0 ? '}\n' : '\n]}\n');
  return { cases: count, resources };
}

/** The same bundle as an object (tests, golden files). */
export function buildFhirBundle(cases: Iterable<CaseDetail>, meta: FhirExportMeta): Bundle {
  const seen = new Set<string>();
  const entry: BundleEntry[] = [];
  for (const detail of cases) entry.push(...caseEntries(detail, seen));
  const head = bundleHead(meta);
  return entry.length > 0 ? { ...head, entry } : head;
}
