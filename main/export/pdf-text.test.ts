import { describe, expect, it } from 'vitest';
import { toWinAnsi } from './pdf-text';

describe('text for the standard PDF fonts (WinAnsi)', () => {
  it('keeps what Windows-1252 can show: Latin-1, dashes, curly quotes, bullet, ellipsis, euro', () => {
    const text = 'Zoë Siân Müller Ñuñez Ærø – — ‘a’ “b” • … € £ é ß Š œ';
    expect(toWinAnsi(text)).toBe(text);
  });

  it('replaces what it cannot show with a plain equivalent or a visible "?"', () => {
    expect(toWinAnsi('3 → 7, ≥ 3, x − y')).toBe('3 -> 7, >= 3, x - y');
    expect(toWinAnsi('Łucja Wałęsa')).toBe('Lucja Walesa');
    expect(toWinAnsi('Őrs Ştefan')).toBe('Ors Stefan');
    expect(toWinAnsi('Kai 🙂 東京')).toBe('Kai ? ??');
    expect(toWinAnsi('tab\there\r\nnext')).toBe('tab here\nnext');
  });
});
