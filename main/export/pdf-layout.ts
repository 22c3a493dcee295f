/**
 * A small layout layer over pdfkit for printable reports: paragraphs that can be measured before they
 * are drawn (so a block can move whole to the next page), every string made safe for the standard
 * fonts, and the per-page furniture (protective marking at the top, "Page N of M" at the foot) drawn
 * once all pages exist. Building is synchronous: pdfkit writes the whole file into its stream buffer
 * during end() when only standard fonts are used, and read() takes it from there.
 */
import { createRequire } from 'node:module';
import type PDFDocument from 'pdfkit';
import { toWinAnsi } from './pdf-text';

let pdfkit: typeof PDFDocument | null = null;

/**
 * pdfkit is loaded on first use: with its font engine it adds about 100 ms to the app's start, and most
 * sessions never print. (It is external to the bundle, so it resolves from node_modules beside it.)
 */
function loadPdfkit(): typeof PDFDocument {
  pdfkit ??= createRequire(__filename)('pdfkit') as typeof PDFDocument;
  return pdfkit;
}

export type FontName = 'Helvetica' | 'Helvetica-Bold' | 'Helvetica-Oblique';

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

export const A4_MARGINS = { top: 62, bottom: 58, left: 56, right: 56 };
const BODY_SIZE = 10;
const LINE_GAP = 1.5;
export const TEXT_COLOUR = '#212b32'; // NHS.UK text colour: near-black, prints as black

export type Doc = InstanceType<typeof PDFDocument>;

export function createA4(info: { title: string; author: string; subject: string; createdAt: Date }): Doc {
  const PDFKitDocument = loadPdfkit();
  return new PDFKitDocument({
    size: 'A4',
    margins: A4_MARGINS,
    bufferPages: true,
    pdfVersion: '1.7',
    lang: 'en-GB',
    displayTitle: true,
    info: {
      Title: toWinAnsi(info.title),
      Author: toWinAnsi(info.author),
      Subject: toWinAnsi(info.subject),
      Creator: 'THRIVE Plans',
      // From the injected clock, so the same data on the same day gives the same document.
      CreationDate: info.createdAt,
    },
  });
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
  const text = toWinAnsi(`${p.lead ?? ''}${p.text}`);
  doc.font(p.lead ? 'Helvetica-Bold' : (p.font ?? 'Helvetica')).fontSize(size);
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
    doc.font('Helvetica-Bold').text(toWinAnsi(p.lead), x, doc.y, { width, lineGap: LINE_GAP, continued: true });
    doc.font(p.font ?? 'Helvetica').text(toWinAnsi(p.text), { width, lineGap: LINE_GAP });
  } else {
    doc.font(p.font ?? 'Helvetica').text(toWinAnsi(p.text), x, doc.y, { width, lineGap: LINE_GAP });
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

/** The marking and page numbers on every page; drawn last, when the page count is known. */
function drawFurniture(doc: Doc, furniture: PageFurniture): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const { left, bottom } = doc.page.margins;
    const width = contentWidth(doc);
    // Writing inside the bottom margin would make pdfkit start a new page; lift the margin meanwhile.
    doc.page.margins.bottom = 0;
    doc.font('Helvetica-Bold').fontSize(9).fillColor(TEXT_COLOUR);
    doc.text(toWinAnsi(furniture.mark), left, 28, { width, align: 'center', lineBreak: false });
    const footY = doc.page.height - 38;
    doc.font('Helvetica').fontSize(8.5);
    doc.text(toWinAnsi(furniture.footer), left, footY, { width: width - 80, lineBreak: false });
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
