/**
 * Main's handlers run in Node; the component tests run them inside jsdom, whose globals differ from
 * Node's in two ways that break main's PDF builders (main/export/pdf-layout.ts, pdf-fonts.ts):
 *  - pdfkit decides when it is loaded whether it runs in a browser (`typeof document`), and would then
 *    look for its fonts at http://localhost/: so it is loaded once with jsdom's `document` out of sight,
 *    and Node's module cache hands main that same instance;
 *  - jsdom's `Uint8Array` is another realm's, so a font file read by Node (a Buffer) is not
 *    `instanceof Uint8Array` to pdfkit: so each handler call runs with Node's own constructor, as in the app.
 */
import { Buffer } from 'node:buffer';
import { createRequire } from 'node:module';

const NodeUint8Array = Object.getPrototypeOf(Buffer.prototype).constructor as Uint8ArrayConstructor;
let pdfkitLoaded = false;

function loadPdfkitAsNode(): void {
  const holder = globalThis as { document?: unknown };
  const saved = Object.getOwnPropertyDescriptor(holder, 'document');
  if (saved) delete holder.document;
  try {
    createRequire(import.meta.url)('pdfkit');
    pdfkitLoaded = true;
  } finally {
    if (saved) Object.defineProperty(holder, 'document', saved);
  }
}

/** Runs main's (synchronous) code with Node's globals where jsdom's would differ. */
export function inNodeRealm<T>(run: () => T): T {
  if (!pdfkitLoaded) loadPdfkitAsNode();
  const holder = globalThis as { Uint8Array: Uint8ArrayConstructor };
  const outside = holder.Uint8Array;
  if (outside === NodeUint8Array) return run();
  holder.Uint8Array = NodeUint8Array;
  try {
    return run();
  } finally {
    holder.Uint8Array = outside;
  }
}
