/**
 * File names for exports. They never carry user text as typed: names are reduced to [a-z0-9-] (accents
 * folded, everything else a hyphen), so no path separator, device name or control character can get in.
 */
import type { IsoDate } from '../../shared/dates';

export function slug(text: string, fallback: string): string {
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 60)
    .replace(/^-+|-+$/g, '');
  return s || fallback;
}

/** thrive-team-<team>-<yyyy-mm-dd>.csv, or thrive-team-<team>-<clinician>-<yyyy-mm-dd>.csv drilled down. */
export function teamCsvFileName(teamName: string, clinicianName: string | null, today: IsoDate): string {
  const who = clinicianName === null ? '' : `-${slug(clinicianName, 'clinician')}`;
  return `thrive-team-${slug(teamName, 'team')}${who}-${today}.csv`;
}

export function supervisionPackFileName(clinicianName: string, today: IsoDate): string {
  return `thrive-supervision-${slug(clinicianName, 'clinician')}-${today}.pdf`;
}
