import { useCallback, useRef, useState } from 'react';
import type { ExportFile } from '../../shared/ipc/types';
import { toApiError } from '../api/client';
import { saveExportFile } from '../lib/download';

export type SaveState =
  | { status: 'idle' }
  /** `what`: which button is preparing its file (its label). */
  | { status: 'preparing'; what: string }
  | { status: 'saved'; fileName: string }
  | { status: 'failed'; message: string };

/**
 * Several download buttons sharing one outcome line: asks main for a file, saves it through the
 * browser download, and says "Saved <file name>." One file at a time: presses while one is being
 * prepared do nothing.
 */
export function useSaveFile() {
  const [state, setState] = useState<SaveState>({ status: 'idle' });
  const busy = useRef(false);

  const save = useCallback(async (what: string, prepare: () => Promise<ExportFile>): Promise<boolean> => {
    if (busy.current) return false;
    busy.current = true;
    setState({ status: 'preparing', what });
    try {
      const file = await prepare();
      saveExportFile(file);
      setState({ status: 'saved', fileName: file.fileName });
      return true;
    } catch (error) {
      setState({ status: 'failed', message: toApiError(error).message });
      return false;
    } finally {
      busy.current = false;
    }
  }, []);

  return { state, save };
}

export function savedMessage(state: SaveState): string {
  if (state.status === 'preparing') return `Preparing ${state.what.replace(/^Download /, '')}…`;
  if (state.status === 'saved') return `Saved ${state.fileName}.`;
  return '';
}
