/**
 * The fonts every PDF is drawn in: DejaVu Sans (regular, bold, oblique), embedded and subset by pdfkit.
 * The PDF standard fonts (Helvetica) carry only Windows-1252, so a name such as "Łucja Nowak-Żółć" would
 * have printed as "Lucja Nowak-Zolc": a young person's name printed wrongly is a clinical-safety hazard.
 * DejaVu Sans covers Latin (every European accent), Greek, Cyrillic, Armenian, Georgian, Hebrew, Arabic
 * and common symbols; a character it still lacks is shown as a visible "?" (see pdf-text.ts), never as
 * an empty box or silently dropped.
 *
 * The files are resolved at run time from node_modules (the package ships beside the bundle, like
 * pdfkit, which is external to it), relative to this file: in development main/export, in the app
 * dist/main. Both lie under the project root, so Node's resolution finds the same package.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export type FontName = 'regular' | 'bold' | 'oblique';

const FONT_FILES: Record<FontName, string> = {
  regular: 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
  bold: 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
  oblique: 'dejavu-fonts-ttf/ttf/DejaVuSans-Oblique.ttf',
};

/**
 * The part of fontkit's font object used here. fontkit is pdfkit's own font engine (its dependency, not
 * ours), loaded from pdfkit's location so it is the very engine that draws the text.
 */
interface FontkitFont {
  hasGlyphForCodePoint(codePoint: number): boolean;
}
interface Fontkit {
  openSync(path: string): FontkitFont;
}

const localRequire = createRequire(__filename);
const paths = new Map<FontName, string>();
const fonts = new Map<FontName, FontkitFont>();

/** Absolute path of a font file; throws a clear error if the package is missing from the install. */
export function fontPath(name: FontName): string {
  let path = paths.get(name);
  if (path === undefined) {
    try {
      path = localRequire.resolve(FONT_FILES[name]);
    } catch (cause) {
      throw new Error(`The PDF font ${FONT_FILES[name]} is missing from this installation`, { cause });
    }
    paths.set(name, path);
  }
  return path;
}

const files = new Map<FontName, Buffer>();

/**
 * The font file's bytes, read once per process. Each document parses its own font from them: a parsed
 * fontkit font must NOT be shared between documents (pdfkit accepts one, but after a document that
 * subset a composite glyph such as "Ż", the next document lost the "Z" of "Zoë").
 */
export function fontFile(name: FontName): Buffer {
  let bytes = files.get(name);
  if (bytes === undefined) {
    bytes = readFileSync(fontPath(name));
    files.set(name, bytes);
  }
  return bytes;
}

/** A parsed font for questions only (which characters it has), never for drawing. */
function coverageFont(name: FontName): FontkitFont {
  let font = fonts.get(name);
  if (font === undefined) {
    const fontkit = createRequire(localRequire.resolve('pdfkit'))('fontkit') as Fontkit;
    font = fontkit.openSync(fontPath(name));
    fonts.set(name, font);
  }
  return font;
}

/** Whether the font can draw a code point (else pdf-text.ts replaces it with something visible). */
export function fontHasGlyph(name: FontName, codePoint: number): boolean {
  return coverageFont(name).hasGlyphForCodePoint(codePoint);
}

export const FONT_NAMES: readonly FontName[] = ['regular', 'bold', 'oblique'];
