/**
 * Saving a file main prepared (an ExportFile) through the browser's own download: a Blob, an object
 * URL, and a click on an <a download>. Nothing touches the file system from the renderer; in Electron
 * the download goes through the session's download handling, in a browser to its downloads folder.
 */
import type { ExportFile } from '../../shared/ipc/types';
import { getScheduler } from './scheduler';

/** How long the object URL lives after the click: the download holds the data by then. */
export const REVOKE_AFTER_MS = 60_000;

function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function exportFileBlob(file: ExportFile): Blob {
  const body = file.encoding === 'base64' ? base64ToBytes(file.content) : file.content;
  return new Blob([body], { type: file.mimeType });
}

/** Starts the download of `file` under its own name. */
export function saveExportFile(file: ExportFile): void {
  const url = URL.createObjectURL(exportFileBlob(file));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.hidden = true;
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    getScheduler().after(REVOKE_AFTER_MS, () => URL.revokeObjectURL(url));
  }
}
