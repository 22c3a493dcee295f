import { describe, expect, it } from 'vitest';
import { bullet, field, joinLines, numbered, wrap } from './text-format';

describe('plain-text formatting for progress notes', () => {
  it('wraps at 80 characters on word boundaries with a hanging indent', () => {
    const words = Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ');
    const lines = numbered(2, words);
    expect(lines[0]!.startsWith('2. word0 ')).toBe(true);
    expect(lines.slice(1).every((l) => l.startsWith('   word'))).toBe(true);
    expect(lines.every((l) => l.length <= 80)).toBe(true);
    expect(lines.map((l) => l.trim()).join(' ').replace(/^2\. /, '')).toBe(words);
  });

  it('keeps a word longer than a line whole, on a line of its own', () => {
    const long = 'x'.repeat(100);
    expect(field('Link', `see ${long} here`)).toEqual(['Link: see', `  ${long}`, '  here']);
  });

  it('keeps line breaks the clinician typed and indents them as continuations', () => {
    expect(field('Notes', 'first\r\nsecond\n\nthird')).toEqual(['Notes: first', '  second', '  third']);
    expect(bullet('one')).toEqual(['- one']);
    expect(wrap('')).toEqual(['']);
  });

  it('ends every line with \\n, trims trailing spaces and never leaves two blank lines together', () => {
    expect(joinLines(['', 'A ', '', '', 'B', '', ''])).toBe('A\n\nB\n');
  });
});
