/**
 * What counts as content in a text field, and which characters can hide or disguise it. Used by the
 * shared schemas' text fields (shared/ipc/schemas/common.ts), so the forms, every IPC call, the CSV
 * import and the CLI's `call` refuse the same things; and by the CLI to print stored text safely.
 */

/**
 * Characters that change how text is shown rather than what it says: C0 and C1 controls (ESC starts
 * a terminal escape sequence; NUL ends a string in SQLite's length()), DEL, the bidi embeddings and
 * overrides (U+202A–U+202E) and isolates (U+2066–U+2069), which reorder what is displayed, and lone
 * surrogates. The left-to-right and right-to-left marks (U+200E, U+200F, U+061C) are not here: mixed
 * Arabic or Hebrew and Latin text needs them. Newline and tab are controls too; multi-line fields allow
 * them (see `hostileCharacter`).
 */
const HOSTILE = /[\p{Cc}\u202A-\u202E\u2066-\u2069]|\p{Cs}/u;
const HOSTILE_GLOBAL = new RegExp(HOSTILE.source, 'gu');
/** HOSTILE less newline and tab, which a terminal shows as they are (output is almost never free of them). */
const TERMINAL_UNSAFE = /(?![\n\t])\p{Cc}|[\u202A-\u202E\u2066-\u2069]|\p{Cs}/u;
const TERMINAL_UNSAFE_GLOBAL = new RegExp(TERMINAL_UNSAFE.source, 'gu');

/**
 * Characters that draw nothing by themselves: white space, the default-ignorable code points (zero-width
 * space and joiners, word joiner, BOM, soft hyphen, Hangul fillers, combining grapheme joiner, variation
 * selectors, direction marks…), other format characters, combining marks with nothing to combine with,
 * and the Braille blank U+2800 (a printable symbol that shows as empty space).
 */
const VISIBLE = /[^\p{White_Space}\p{Default_Ignorable_Code_Point}\p{Cc}\p{Cf}\p{M}\u2800]/u;

/**
 * Invisible characters removed from the two ends of a field, as white space is: they carry nothing
 * there, but would make "\u200BZoë" differ from "Zoë" in search and duplicate checks. Direction marks,
 * variation selectors and tag characters are kept: after right-to-left text, or at the end of an emoji
 * or flag, they are part of how it is shown.
 */
const EDGE = '(?:\\u034F|[\\s\\u00AD\\u115F\\u1160\\u180E\\u200B-\\u200D\\u2060-\\u2064\\u2800\\u3164\\uFEFF\\uFFA0])+';
const EDGES = new RegExp(`^${EDGE}|${EDGE}$`, 'gu');

/**
 * The stored form of typed text: NFC (so a decomposed "Zoë", as some keyboards and files give it, is
 * the same string as the composed one in search, duplicate checks and exports), CR LF and lone CR as
 * LF, and no white space or invisible characters at either end.
 */
export function normaliseText(value: string): string {
  return value.normalize('NFC').replace(/\r\n?/g, '\n').replace(EDGES, '');
}

/** True when the text has at least one character that shows something. */
export function hasVisibleContent(value: string): boolean {
  return VISIBLE.test(value);
}

/**
 * The first character that must not be stored in a text field, or null. `multiline` fields may hold
 * newlines and tabs; single-line fields (names, references) may not.
 */
export function hostileCharacter(value: string, multiline: boolean): string | null {
  for (const match of value.matchAll(HOSTILE_GLOBAL)) {
    const c = match[0];
    if (multiline && (c === '\n' || c === '\t')) continue;
    return c;
  }
  return null;
}

/**
 * Text for a terminal: every hostile character shown as a `\uXXXX` escape, except newline and tab,
 * and a CR that ends a line (CR LF). Inside JSON output the escape is JSON's own, so a JSON document
 * stays valid and means the same; in plain text it shows what is there instead of acting on it (a
 * stored ESC sequence cannot clear the screen or recolour what follows).
 */
export function escapeForTerminal(text: string): string {
  if (!TERMINAL_UNSAFE.test(text)) return text;
  return text.replace(TERMINAL_UNSAFE_GLOBAL, (c, offset: number, whole: string) =>
    c === '\r' && whole[offset + 1] === '\n' ? c : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
