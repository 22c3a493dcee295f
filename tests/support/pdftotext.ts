/** The text of a PDF as a reader's tools see it: poppler's pdftotext (installed by .ci/run), page by page. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PdfText {
  /** The whole text, pages separated by form feeds. */
  text: string;
  /** One entry per page. */
  pages: string[];
}

export function pdfToText(pdf: Buffer, options: { layout?: boolean } = {}): PdfText {
  const dir = mkdtempSync(join(tmpdir(), 'thrive-pdf-'));
  try {
    const file = join(dir, 'file.pdf');
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', [...(options.layout ? ['-layout'] : []), '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    const pages = text.split('\f');
    if (pages.at(-1)?.trim() === '') pages.pop();
    return { text, pages };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** pdfinfo's "Key: value" lines. */
export function pdfInfo(pdf: Buffer): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'thrive-pdf-'));
  try {
    const file = join(dir, 'file.pdf');
    writeFileSync(file, pdf);
    const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    return Object.fromEntries(out.split('\n').filter((l) => l.includes(':')).map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
