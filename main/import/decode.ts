/**
 * The import file's bytes → text. Only UTF-8 is accepted: an older Excel "CSV (Comma delimited)" file is
 * Windows-1252, where "Siân" is the byte E2 — which read as UTF-8 is not a character at all, and guessing
 * would silently store the wrong name. So invalid UTF-8 (and UTF-16, "Unicode text") is refused with how
 * to save the file correctly; a UTF-8 byte-order mark is allowed and removed.
 */
import { IMPORT_TOO_LARGE_MESSAGE, MAX_IMPORT_BYTES } from '../../shared/ipc/schemas/import';

export const SAVE_AS_UTF8 = 'In Excel choose File > Save As and pick "CSV UTF-8 (Comma delimited)", then choose the new file.';
export const NOT_UTF8_MESSAGE = `This file is not saved as UTF-8 text, so names with accents (such as Siân) would be read wrongly. ${SAVE_AS_UTF8}`;
export const UTF16_MESSAGE = `This file is saved as "Unicode text" (UTF-16), not as CSV UTF-8. ${SAVE_AS_UTF8}`;
export const EMPTY_FILE_MESSAGE = 'The file is empty. Choose the caseload CSV file (it needs a header row and one row per case).';
export const NOT_TEXT_MESSAGE = 'This file is not a CSV text file (it holds binary data). Choose the caseload saved as "CSV UTF-8".';

export type Decoded = { ok: true; text: string } | { ok: false; error: string };

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** base64 → bytes, refusing anything that is not base64 (Buffer.from would silently skip bad characters). */
export function decodeBase64(contentBase64: string): { ok: true; bytes: Buffer } | { ok: false; error: string } {
  const compact = contentBase64.replace(/\s+/g, '');
  if (compact.length % 4 === 1 || !BASE64.test(compact)) return { ok: false, error: 'The file could not be read: its content did not arrive intact. Choose it again.' };
  const bytes = Buffer.from(compact, 'base64');
  if (bytes.length > MAX_IMPORT_BYTES) return { ok: false, error: IMPORT_TOO_LARGE_MESSAGE };
  return { ok: true, bytes };
}

/** UTF-16 without a BOM: a NUL byte beside every ASCII character of the header (e.g. "C\0a\0s\0e\0"). */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 16) & ~1;
  if (n < 4) return false;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0 && bytes[i + 1] !== 0) evenNul++;
    if (bytes[i + 1] === 0 && bytes[i] !== 0) oddNul++;
  }
  return evenNul === n / 2 || oddNul === n / 2;
}

export function decodeCsvBytes(bytes: Uint8Array): Decoded {
  if (bytes.length > MAX_IMPORT_BYTES) return { ok: false, error: IMPORT_TOO_LARGE_MESSAGE };
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return { ok: false, error: UTF16_MESSAGE };
  }
  if (looksLikeUtf16(bytes)) return { ok: false, error: UTF16_MESSAGE };
  const start = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start));
  } catch {
    return { ok: false, error: NOT_UTF8_MESSAGE };
  }
  if (text.includes('\u0000')) return { ok: false, error: NOT_TEXT_MESSAGE };
  if (text.trim() === '') return { ok: false, error: EMPTY_FILE_MESSAGE };
  return { ok: true, text };
}
