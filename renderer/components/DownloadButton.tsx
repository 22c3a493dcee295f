import { useId, useRef, useState } from 'react';
import type { ExportFile } from '../../shared/ipc/types';
import { toApiError } from '../api/client';
import { saveExportFile } from '../lib/download';

type State = { status: 'idle' } | { status: 'preparing' } | { status: 'saved'; fileName: string } | { status: 'failed'; message: string };

/**
 * A button that asks main for a file and saves it. Progress ("Preparing…") and the outcome show
 * beside the button, announced; a second press while preparing does nothing.
 */
export function DownloadButton({ label, prepare }: { label: string; prepare(): Promise<ExportFile> }) {
  const [state, setState] = useState<State>({ status: 'idle' });
  const busy = useRef(false);
  const id = useId();

  const run = async () => {
    if (busy.current) return;
    busy.current = true;
    setState({ status: 'preparing' });
    try {
      const file = await prepare();
      saveExportFile(file);
      setState({ status: 'saved', fileName: file.fileName });
    } catch (error) {
      setState({ status: 'failed', message: toApiError(error).message });
    } finally {
      busy.current = false;
    }
  };

  return (
    <div className="download">
      <button
        type="button"
        className="button button--secondary download__button"
        aria-disabled={state.status === 'preparing' ? true : undefined}
        aria-describedby={`${id}-status ${id}-error`}
        onClick={() => void run()}
      >
        {label}
      </button>
      <span className="download__status" id={`${id}-status`} role="status">
        {state.status === 'preparing' ? 'Preparing…' : state.status === 'saved' ? `Downloaded ${state.fileName}` : ''}
      </span>
      <span className="download__error error-message" id={`${id}-error`} role="alert">
        {state.status === 'failed' ? state.message : ''}
      </span>
    </div>
  );
}
