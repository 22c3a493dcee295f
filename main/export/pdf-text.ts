/**
 * Text made safe to draw in an embedded font. Names are printed exactly as typed (composed to NFC, so
 * "Siân" typed with a combining accent prints as one letter); only what the font cannot draw changes:
 * a character outside the font becomes its unaccented letter if the font has that, otherwise a visible
 * "?" so a reader can see something was there (pdfkit would otherwise draw an empty box, and text
 * extraction would lose it). Tabs become spaces; carriage returns and invisible joiners go.
 */

const REMOVED = new Set(['\r', '\u200b', '\u200c', '\u200d', '\ufe0e', '\ufe0f']);

export function printable(text: string, hasGlyph: (codePoint: number) => boolean): string {
  let out = '';
  // for…of walks code points, so an emoji (a surrogate pair) becomes one "?", not two.
  for (const ch of text.normalize('NFC')) {
    if (ch === '\n') {
      out += ch;
      continue;
    }
    if (ch === '\t') {
      out += ' ';
      continue;
    }
    if (REMOVED.has(ch)) continue;
    const cp = ch.codePointAt(0)!;
    if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) continue;
    if (hasGlyph(cp)) {
      out += ch;
      continue;
    }
    const base = ch.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
    out += base.length > 0 && [...base].every((c) => hasGlyph(c.codePointAt(0)!)) ? base : '?';
  }
  return out;
}
