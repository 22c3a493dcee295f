/** The young person (Patient), the clinicians (Practitioner) and the case itself (EpisodeOfCare). */
import type { CaseDetail } from '../../../shared/ipc/types';
import {
  LOCAL,
  NHS_NUMBER_SYSTEM,
  NHS_NUMBER_VERIFICATION_EXTENSION,
  NHS_NUMBER_VERIFICATION_SYSTEM,
  UK_CORE_PROFILE,
  isUuid,
  ref,
} from './systems';
import type { EpisodeOfCare, Identifier, Patient, Practitioner } from './types';

/**
 * The app checks an NHS number's Modulus 11 check digit but never traces it with PDS, so the honest
 * verification status is 02 "Number present but not traced" (never 01 "present and verified").
 */
export function nhsNumberIdentifier(nhsNumber: string): Identifier {
  return {
    system: NHS_NUMBER_SYSTEM,
    value: nhsNumber.replace(/\s+/g, ''),
    extension: [
      {
        url: NHS_NUMBER_VERIFICATION_EXTENSION,
        valueCodeableConcept: {
          coding: [{ system: NHS_NUMBER_VERIFICATION_SYSTEM, code: '02', display: 'Number present but not traced' }],
        },
      },
    ],
  };
}

export function patientOf(detail: CaseDetail): Patient {
  const s = detail.summary;
  return {
    resourceType: 'Patient',
    id: s.youngPersonId,
    meta: { profile: [UK_CORE_PROFILE.Patient] },
    identifier: [...(s.nhsNumber ? [nhsNumberIdentifier(s.nhsNumber)] : []), { system: LOCAL.caseRefId, value: s.caseRef }],
    name: [{ use: 'official', text: s.name }],
    birthDate: s.dateOfBirth,
  };
}

export function practitionerOf(id: string, name: string): Practitioner {
  return {
    resourceType: 'Practitioner',
    id,
    meta: { profile: [UK_CORE_PROFILE.Practitioner] },
    identifier: [{ system: LOCAL.clinicianId, value: id }],
    name: [{ text: name }],
  };
}

/** Everyone who appears in the case as its lead or as the author of a record, each once, lead first. */
export function practitionersOf(detail: CaseDetail): Practitioner[] {
  const people = new Map<string, string>();
  const add = (id: string, name: string) => {
    if (isUuid(id) && !people.has(id)) people.set(id, name);
  };
  add(detail.summary.leadClinicianId, detail.summary.leadClinicianName);
  for (const cv of detail.currentViews) add(cv.recordedBy, cv.recordedByName);
  for (const p of detail.planVersions) add(p.createdBy, p.createdByName);
  for (const r of detail.reviews) add(r.createdBy, r.createdByName);
  if (detail.ending) add(detail.ending.createdBy, detail.ending.createdByName);
  return [...people].map(([id, name]) => practitionerOf(id, name));
}

export function episodeOf(detail: CaseDetail): EpisodeOfCare {
  const s = detail.summary;
  const lead = isUuid(s.leadClinicianId) ? { careManager: ref(s.leadClinicianId, 'Practitioner', s.leadClinicianName) } : {};
  return {
    resourceType: 'EpisodeOfCare',
    id: s.id,
    meta: { profile: [UK_CORE_PROFILE.EpisodeOfCare] },
    identifier: [{ system: LOCAL.episodeId, value: `${s.caseRef}/${s.episodeNo}` }],
    status: s.status === 'closed' ? 'finished' : 'active',
    patient: ref(s.youngPersonId, 'Patient', s.name),
    // The coordinating agency is free text in the app (no ODS code), so it is a display-only reference.
    managingOrganization: { display: s.coordinatingAgency },
    period: { start: s.openDate, ...(s.closedDate ? { end: s.closedDate } : {}) },
    ...lead,
  };
}
