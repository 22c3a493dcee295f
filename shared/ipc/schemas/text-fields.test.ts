/**
 * The shared text building block (common.ts text/optionalText on shared/text.ts): what it refuses,
 * what it stores, and that real names in many scripts pass unchanged.
 */
import { describe, expect, it } from 'vitest';
import { escapeForTerminal, hasVisibleContent, normaliseText } from '../../text';
import { issuesToFields } from '../validate';
import { optionalText, text } from './common';

const name = text("Enter the young person's name", 200, { label: 'Name' });
const notes = optionalText(4000, { label: 'The notes', multiline: true });

function messageOf(schema: typeof name | typeof notes, value: unknown): string | null {
  const r = schema.safeParse(value);
  return r.success ? null : issuesToFields(r.error.issues)[0]!.message;
}

const REQUIRED = "Enter the young person's name";
const HOSTILE = 'Name must not contain control or direction-override characters';

describe('text fields refuse what shows nothing', () => {
  it.each([
    ['empty', ''],
    ['spaces', '   '],
    ['a zero-width space', '\u200B'],
    ['zero-width joiners', '\u200C\u200D'],
    ['a word joiner', '\u2060'],
    ['a byte-order mark', '\uFEFF'],
    ['a Braille blank', '\u2800'],
    ['the Hangul fillers', '\u3164\u115F\u1160\uFFA0'],
    ['a combining grapheme joiner', '\u034F'],
    ['a left-to-right mark alone', '\u200E'],
    ['a right-to-left mark alone', '\u200F'],
    ['a soft hyphen', '\u00AD'],
    ['a variation selector', '\uFE0F'],
    ['a combining accent with nothing under it', '\u0301'],
    ['an ideographic space and no-break spaces', '\u3000\u00A0\u202F'],
    ['a mix of them', ' \u200B\u2800 \u3164 '],
  ])('%s gets the field\'s "enter" message', (_what, value) => {
    expect(messageOf(name, value)).toBe(REQUIRED);
  });

  it('a missing or null value gets the same message', () => {
    expect(messageOf(name, undefined)).toBe(REQUIRED);
    expect(messageOf(name, null)).toBe(REQUIRED);
  });
});

describe('text fields refuse characters that hide or disguise text', () => {
  it.each([
    ['NUL', '\u0000'],
    ['a name made of NUL', '\u0000\u0000\u0000'],
    ['an ANSI escape that clears the screen', '\u001b[2J\u001b[HJo'],
    ['ESC alone inside a name', 'Jo\u001bBloggs'],
    ['a bell', 'Jo\u0007'],
    ['DEL', 'Jo\u007F'],
    ['a C1 control (CSI)', 'Jo\u009B2J'],
    ['a next-line control', 'Jo\u0085Bloggs'],
    ['a right-to-left override', '\u202Egnp.exe'],
    ['a left-to-right override', 'Jo\u202DBloggs'],
    ['an embedding', '\u202AJo'],
    ['a pop directional formatting', 'Jo\u202C'],
    ['an isolate', '\u2066Jo\u2069'],
    ['a first-strong isolate', '\u2068Jo'],
    ['a lone surrogate', 'Jo\uD800'],
    ['a tab in a one-line field', 'Jo\tBloggs'],
  ])('%s', (_what, value) => {
    expect(messageOf(name, value)).toBe(HOSTILE);
  });

  it('a line break in a one-line field says so', () => {
    expect(messageOf(name, 'Jo\nBloggs')).toBe('Name must be on one line');
    expect(messageOf(name, 'Jo\r\nBloggs')).toBe('Name must be on one line');
  });

  it('a paragraph field keeps its lines and tabs but refuses the rest', () => {
    expect(notes.parse('First line\r\n\tSecond line\rThird')).toBe('First line\n\tSecond line\nThird');
    expect(messageOf(notes, 'Agreed\u001b[31m')).toBe('The notes must not contain control or direction-override characters');
    expect(messageOf(notes, '\u202Eagreed')).toBe('The notes must not contain control or direction-override characters');
  });

  it('an optional field left blank or holding only invisible characters is "not given"', () => {
    for (const v of [undefined, null, '', '  ', '\u200B', '\u2800\n\u3164', '\u200E']) expect(notes.parse(v)).toBeNull();
  });
});

describe('text fields store what was typed, normalised', () => {
  it('stores names as NFC, so a decomposed "Zoë" equals the composed one', () => {
    const decomposed = 'Zoe\u0308 Ashdown';
    expect(decomposed).not.toBe('Zoë Ashdown');
    expect(name.parse(decomposed)).toBe('Zoë Ashdown');
    expect(name.parse('Zoë Ashdown')).toBe('Zoë Ashdown');
    expect(notes.parse('Chloe\u0301 said')).toBe('Chloé said');
  });

  it('removes invisible characters at the ends, as it does spaces', () => {
    expect(name.parse('\u200B Zoë \uFEFF\u2800')).toBe('Zoë');
  });

  it('counts the limit on the stored text', () => {
    expect(name.safeParse('e\u0301'.repeat(200)).success).toBe(true); // 400 code units typed, 200 stored
    expect(messageOf(name, 'a'.repeat(201))).toBe('Use 200 characters or fewer');
  });

  it('says a value of the wrong type "must be text", not "enter …"', () => {
    expect(messageOf(name, 123)).toBe('Name must be text, not a number');
    expect(messageOf(name, true)).toBe('Name must be text, not a boolean');
    expect(messageOf(name, ['Jo'])).toBe('Name must be text, not a list');
    expect(messageOf(name, { first: 'Jo' })).toBe('Name must be text, not an object');
    expect(messageOf(notes, 5)).toBe('The notes must be text, not a number');
  });

  it.each([
    "Siân O'Connor-Jones",
    'Zoë Brontë',
    'Llinos ap Rhys',
    'Gwenllïan Ŵyn Ŷr',
    'Łukasz Wójcik-Żółć',
    'Ægir Þórsson',
    'Nguyễn Thị Minh Khai',
    'محمد عبد الله',
    'نور\u200Fالهدى', // a right-to-left mark between words, as Arabic keyboards insert it
    'Ali (علي) Khan\u200E',
    'יעל כהן',
    '王小明',
    '佐藤 さくら',
    '김민준',
    'Ananya Rāmacandran',
    'अनन्या',
    'Ольга Іваненко',
    'Μαρία Παπαδοπούλου',
    'Jo 👩🏽‍🦱',
    'Tor-Inge Ødegård',
    'Mary-Jane St. John',
    'Nikhil\u200CRao', // a zero-width non-joiner inside a word (Persian and Indic spelling)
  ])('accepts %s unchanged', (value) => {
    expect(name.parse(value)).toBe(value.normalize('NFC'));
  });
});

describe('shared/text helpers', () => {
  it('hasVisibleContent', () => {
    expect(hasVisibleContent('\u200B\u2800\u3164')).toBe(false);
    expect(hasVisibleContent('\u200Bx')).toBe(true);
  });

  it('normaliseText does not touch joiners inside emoji or variation selectors at the end', () => {
    expect(normaliseText('I feel ❤️')).toBe('I feel ❤️');
    expect(normaliseText('👩‍👧')).toBe('👩‍👧');
  });

  it('escapeForTerminal shows controls and overrides as \\u escapes, keeping lines and JSON meaning', () => {
    expect(escapeForTerminal('Jo\u001b[2J\u202Egnp\u009B')).toBe('Jo\\u001b[2J\\u202egnp\\u009b');
    expect(escapeForTerminal('a\nb\tc\r\nd\re')).toBe('a\nb\tc\r\nd\\u000de');
    const doc = JSON.stringify({ name: 'Jo\u202E\u009B' });
    expect(JSON.parse(escapeForTerminal(doc))).toEqual({ name: 'Jo\u202E\u009B' });
    expect(escapeForTerminal('Zoë')).toBe('Zoë');
  });
});
