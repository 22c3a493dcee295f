/** The fonts a PDF uses, as poppler's pdffonts lists them (one line each: name, type, encoding, emb sub uni). */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function pdfFonts(pdf: Buffer): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'thrive-pdf-'));
  try {
    const file = join(dir, 'file.pdf');
    writeFileSync(file, pdf);
    const out = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    // The first two lines are the column headings and a rule.
    return out.split('\n').slice(2).filter((line) => line.trim() !== '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
