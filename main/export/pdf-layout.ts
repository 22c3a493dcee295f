/**
 * A small layout layer over pdfkit for printable reports: paragraphs that can be measured before they
 * are drawn (so a block can move whole to the next page), every string drawn in the embedded Unicode
 * font (pdf-fonts.ts) and made safe for it, and the per-page furniture (protective marking at the top,
 * "Page N of M" at the foot) drawn once all pages exist. Building is synchronous: during end() pdfkit
 * subsets and deflates the fonts synchronously and writes the whole file into its stream buffer, and
 * read() takes it from there.
 */
import { createRequire } from 'node:module';
import type PDFDocument from 'pdfkit';
import { FONT_NAMES, fontFile, fontHasGlyph, type FontName } from './pdf-fonts';
import { printable } from './pdf-text';

export type { FontName } from './pdf-fonts';

let pdfkit: typeof PDFDocument | null = null;

/**
 * pdfkit is loaded on first use: with its font engine it adds about 100 ms to the app's start, and most
 * sessions never print. (It is external to the bundle, so it resolves from node_modules beside it.)
 */
function loadPdfkit(): typeof PDFDocument {
  pdfkit ??= createRequire(__filename)('pdfkit') as typeof PDFDocument;
  return pdfkit;
}

export interface Para {
  text: string;
  font?: FontName;
  size?: number;
  /** Bold words run in at the start of the paragraph ("Target date: "). */
  lead?: string;
  indent?: number;
  gapBefore?: number;
  color?: string;
}

export interface PageFurniture {
  /** Shown centred at the top of every page. */
  mark: string;
  /** Shown at the foot of every page, left, beside the page number. */
  footer: string;
}

/** The Government Security Classification marking for documents about one person (every page's top). */
export const PROTECTIVE_MARKING = 'OFFICIAL-SENSITIVE: PERSONAL';

export const A4_MARGINS = { top: 62, bottom: 58, left: 56, right: 56 };
const BODY_SIZE = 10;
const LINE_GAP = 1.5;
export const TEXT_COLOUR = '#212b32'; // NHS.UK text colour: near-black, prints as black

export type Doc = InstanceType<typeof PDFDocument>;

/** The text as the given font can draw it. */
export function fit(text: string, font: FontName): string {
  return printable(text, (cp) => fontHasGlyph(font, cp));
}

/** Selects one of the embedded fonts (registered by name, so each is embedded once however often chosen). */
export function useFont(doc: Doc, font: FontName): Doc {
  return doc.font(font);
}

/** Document metadata: any Unicode (pdfkit writes it as UTF-16), without control characters. */
function infoText(text: string): string {
  return printable(text, () => true).replace(/\n/g, ' ');
}

export function createA4(info: { title: string; author: string; subject: string; createdAt: Date }): Doc {
  const PDFKitDocument = loadPdfkit();
  const doc = new PDFKitDocument({
    size: 'A4',
    // No default font: pdfkit would otherwise load (and write) Helvetica. (Its typings say string only;
    // null is what its initFonts takes for "none".)
    ...({ font: null } as unknown as { font: string }),
    margins: A4_MARGINS,
    bufferPages: true,
    pdfVersion: '1.7',
    lang: 'en-GB',
    displayTitle: true,
    info: {
      Title: infoText(info.title),
      Author: infoText(info.author),
      Subject: infoText(info.subject),
      Creator: 'THRIVE Plans',
      // From the injected clock, so the same data on the same day gives the same document.
      CreationDate: info.createdAt,
    },
  });
  for (const name of FONT_NAMES) doc.registerFont(name, fontFile(name));
  return useFont(doc, 'regular');
}

function contentWidth(doc: Doc): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

/** The room left on the current page, in points. */
export function roomLeft(doc: Doc): number {
  return doc.page.height - doc.page.margins.bottom - doc.y;
}

export function pageContentHeight(doc: Doc): number {
  return doc.page.height - doc.page.margins.top - doc.page.margins.bottom;
}

/** Height the paragraph will take, measured with the bold font throughout (never an underestimate). */
export function measure(doc: Doc, p: Para): number {
  const size = p.size ?? BODY_SIZE;
  const font = p.lead ? 'bold' : (p.font ?? 'regular');
  const text = fit(`${p.lead ?? ''}${p.text}`, font);
  useFont(doc, font).fontSize(size);
  return (p.gapBefore ?? 0) + doc.heightOfString(text, { width: contentWidth(doc) - (p.indent ?? 0), lineGap: LINE_GAP });
}

export function measureAll(doc: Doc, paras: readonly Para[]): number {
  return paras.reduce((sum, p) => sum + measure(doc, p), 0);
}

export function draw(doc: Doc, p: Para): void {
  const size = p.size ?? BODY_SIZE;
  const x = doc.page.margins.left + (p.indent ?? 0);
  const width = contentWidth(doc) - (p.indent ?? 0);
  if (p.gapBefore) doc.y += p.gapBefore;
  doc.fillColor(p.color ?? TEXT_COLOUR).fontSize(size);
  if (p.lead) {
    useFont(doc, 'bold').text(fit(p.lead, 'bold'), x, doc.y, { width, lineGap: LINE_GAP, continued: true });
    useFont(doc, p.font ?? 'regular').text(fit(p.text, p.font ?? 'regular'), { width, lineGap: LINE_GAP });
  } else {
    useFont(doc, p.font ?? 'regular').text(fit(p.text, p.font ?? 'regular'), x, doc.y, { width, lineGap: LINE_GAP });
  }
  doc.x = doc.page.margins.left;
}

/**
 * Draws paragraphs as one block: if it does not fit in the room left but would fit on an empty page, it
 * starts on a new page; a block longer than a page flows across pages as it must.
 */
export function drawBlock(doc: Doc, paras: readonly Para[], alsoKeepRoomFor = 0): void {
  const height = measureAll(doc, paras);
  if (height + alsoKeepRoomFor > roomLeft(doc) && height + alsoKeepRoomFor <= pageContentHeight(doc)) doc.addPage();
  for (const p of paras) draw(doc, p);
}

export function rule(doc: Doc, gap = 8): void {
  doc.y += gap / 2;
  if (roomLeft(doc) > gap) {
    doc
      .moveTo(doc.page.margins.left, doc.y)
      .lineTo(doc.page.width - doc.page.margins.right, doc.y)
      .lineWidth(0.5)
      .strokeColor('#aeb7bd')
      .stroke();
  }
  doc.y += gap / 2;
}

/**
 * Paragraphs set off by a coloured bar down their left side (for what must not be missed, such as what
 * to do if worried about safety), kept together on one page.
 */
export function drawCallout(doc: Doc, paras: readonly Para[], colour = '#005eb8'): void {
  const inset = 14;
  const inner = paras.map((p): Para => ({ ...p, indent: (p.indent ?? 0) + inset }));
  const height = measureAll(doc, inner) + 12;
  if (height > roomLeft(doc) && height <= pageContentHeight(doc)) doc.addPage();
  const page = doc.page;
  const top = doc.y;
  doc.y += 6;
  for (const p of inner) draw(doc, p);
  doc.y += 6;
  // A callout longer than a page flows on without its bar rather than drawing one across the break.
  if (doc.page === page) doc.save().rect(doc.page.margins.left, top, 4, doc.y - top).fill(colour).restore();
}

/** The marking and page numbers on every page; drawn last, when the page count is known. */
function drawFurniture(doc: Doc, furniture: PageFurniture): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const { left, bottom } = doc.page.margins;
    const width = contentWidth(doc);
    // Writing inside the bottom margin would make pdfkit start a new page; lift the margin meanwhile.
    doc.page.margins.bottom = 0;
    useFont(doc, 'bold').fontSize(9).fillColor(TEXT_COLOUR);
    doc.text(fit(furniture.mark, 'bold'), left, 28, { width, align: 'center', lineBreak: false });
    const footY = doc.page.height - 38;
    useFont(doc, 'regular').fontSize(8.5);
    doc.text(fit(furniture.footer, 'regular'), left, footY, { width: width - 80, lineBreak: false });
    doc.text(`Page ${i - range.start + 1} of ${range.count}`, left, footY, { width, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}

/** Finishes the document and returns the whole file. */
export function finish(doc: Doc, furniture: PageFurniture): Buffer {
  drawFurniture(doc, furniture);
  doc.end();
  const chunks: Buffer[] = [];
  for (let chunk = doc.read() as Buffer | null; chunk !== null; chunk = doc.read() as Buffer | null) chunks.push(chunk);
  const pdf = Buffer.concat(chunks);
  if (!pdf.subarray(-8).toString('latin1').includes('%%EOF')) throw new Error('The PDF was not completely written');
  return pdf;
}
