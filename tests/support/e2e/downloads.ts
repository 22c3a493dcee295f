/**
 * Files the app hands to the browser as downloads (a Blob behind an <a download>): captured through
 * Playwright's download event, saved under test-results/e2e/downloads/, and read back the way a
 * person would open them: the PDF through poppler's `pdftotext`, the CSV as a spreadsheet parses it.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { SCREENSHOT_DIR } from './harness';

export const DOWNLOAD_DIR = path.join(SCREENSHOT_DIR, 'downloads');

export interface SavedDownload {
  /** The file name the page gave the download. */
  fileName: string;
  file: string;
}

/** Runs `trigger` (e.g. Enter on a button) and saves the download it starts. */
export async function captureDownload(page: Page, what: string, trigger: () => Promise<void>): Promise<SavedDownload> {
  mkdirSync(DOWNLOAD_DIR, { recursive: true });
  const started = page.waitForEvent('download', { timeout: 30_000 }).catch(() => {
    throw new Error(`${what} did not start a download within 30 s`);
  });
  await trigger();
  const download = await started;
  const failure = await download.failure();
  if (failure) throw new Error(`${what}: the download failed (${failure})`);
  const fileName = download.suggestedFilename();
  const file = path.join(DOWNLOAD_DIR, fileName);
  await download.saveAs(file);
  return { fileName, file };
}

/** The PDF's text as pdftotext extracts it (pages separated by form feeds). */
export function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

/** The PDF's page count, from pdfinfo. */
export function pdfPages(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const pages = /^Pages:\s+(\d+)/m.exec(info)?.[1];
  if (!pages) throw new Error(`pdfinfo did not report a page count for ${file}:\n${info}`);
  return Number(pages);
}

/** The PDF's page size in points, from pdfinfo (A4 is 595.28 x 841.89). */
export function pdfPageSize(file: string): { width: number; height: number } {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const m = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(info);
  if (!m) throw new Error(`pdfinfo did not report a page size for ${file}:\n${info}`);
  return { width: Number(m[1]), height: Number(m[2]) };
}

/**
 * RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks; rows end with CRLF or LF.
 * A leading byte-order mark is dropped (Excel's hint that the file is UTF-8).
 */
export function parseCsv(text: string): string[][] {
  const src = text.replace(/^\uFEFF/, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

export function readText(file: string): string {
  return readFileSync(file, 'utf8');
}
