/**
 * The supervision pack uses only the PDF standard fonts (Helvetica), which carry the Windows-1252
 * ("WinAnsi") character set and nothing else: pdfkit writes any other character as garbage. So every
 * string goes through toWinAnsi first: WinAnsi characters (– — ‘ ’ “ ” • … € and Latin-1 such as é ñ ß)
 * pass; a few common others get a plain equivalent (→ becomes ->); letters with accents outside the set
 * lose the accent (ő → o); anything else becomes "?" so a reader can see something was there.
 */

/** Code points outside Latin-1 that Windows-1252 (and so pdfkit's standard fonts) can show. */
const WIN_ANSI_EXTRA = new Set([
  0x152, 0x153, 0x160, 0x161, 0x178, 0x17d, 0x17e, 0x192, 0x2c6, 0x2dc, 0x2013, 0x2014, 0x2018, 0x2019, 0x201a, 0x201c, 0x201d,
  0x201e, 0x2020, 0x2021, 0x2022, 0x2026, 0x2030, 0x2039, 0x203a, 0x20ac, 0x2122,
]);

const REPLACEMENTS: Record<string, string> = {
  '\t': ' ',
  '\r': '',
  '→': '->',
  '←': '<-',
  '↔': '<->',
  '≥': '>=',
  '≤': '<=',
  '≠': '!=',
  '−': '-',
  '‐': '-',
  '‑': '-',
  '‒': '-',
  '―': '—',
  '′': "'",
  '″': '"',
  '✓': 'yes',
  '✔': 'yes',
  '✗': 'no',
  '\u2009': ' ',
  '\u202f': ' ',
  '\u200b': '',
  '\u200d': '',
  '\ufe0f': '',
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
  Ħ: 'H',
  ħ: 'h',
  ı: 'i',
};

function representable(ch: string): boolean {
  const cp = ch.codePointAt(0)!;
  return ch === '\n' || (cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xff) || WIN_ANSI_EXTRA.has(cp);
}

export function toWinAnsi(text: string): string {
  let out = '';
  // for…of walks code points, so an emoji (a surrogate pair) becomes one "?", not two.
  for (const ch of text) {
    if (representable(ch)) {
      out += ch;
      continue;
    }
    const replacement = REPLACEMENTS[ch];
    if (replacement !== undefined) {
      out += replacement;
      continue;
    }
    const base = ch.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
    out += base.length > 0 && [...base].every(representable) ? base : '?';
  }
  return out;
}
