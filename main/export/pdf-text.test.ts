import { describe, expect, it } from 'vitest';
import { fontHasGlyph } from './pdf-fonts';
import { printable } from './pdf-text';

const inDejaVu = (cp: number) => fontHasGlyph('regular', cp);

describe('text for the embedded PDF font (DejaVu Sans)', () => {
  it('keeps names exactly as typed, whatever the alphabet the font covers', () => {
    for (const text of ["Łucja Nowak-Żółć", 'Siân', 'Zoë', "O'Brien", 'Őrs Ştefan', 'Ærø Ñuñez', 'Дмитрий', 'Νίκος', '3 → 7, ≥ 3', '“b” – — • … € £']) {
      expect(printable(text, inDejaVu)).toBe(text);
    }
  });

  it('composes a letter typed with a combining accent into the one letter', () => {
    expect(printable('Sia\u0302n Zoe\u0308', inDejaVu)).toBe('Siân Zoë');
  });

  it('shows a visible "?" for what the font cannot draw, one per character', () => {
    expect(printable('Kai 🙂 東京', inDejaVu)).toBe('Kai ? ??');
  });

  it('falls back to the unaccented letter when only the accent is missing from the font', () => {
    const latinOnly = (cp: number) => cp < 0x80;
    expect(printable('Łucja Siân', latinOnly)).toBe('?ucja Sian');
  });

  it('turns tabs into spaces and drops carriage returns, joiners and control characters', () => {
    expect(printable('tab\there\r\nnext\u200d\u0007', inDejaVu)).toBe('tab here\nnext');
  });
});
