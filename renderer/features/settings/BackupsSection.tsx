import { useState } from 'react';
import { formatUkDateTime } from '../../../shared/dates';
import type { BackupInfo } from '../../../shared/ipc/security-types';
import { request, toApiError } from '../../api/client';
import { useApiData } from '../../hooks/use-api-data';
import { LoadProblem, Loading } from '../../components/page';
import { useSessionActions } from '../../stores/session';
import { RestoreDialog } from './RestoreDialog';

const KIND_LABELS: Record<string, string> = {
  daily: 'Daily',
  quit: 'On closing the app',
  manual: 'Backed up by hand',
  before_restore: 'Before a restore',
  before_migration: 'Before an upgrade',
};

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

type Outcome = { kind: 'done'; message: string } | { kind: 'failed'; message: string } | null;

/**
 * "Backups": when the last good backup was taken, any failure since, "Back up now", and the backups
 * kept, each of which can be restored (after a confirmation). A restore reloads the app's data.
 */
export function BackupsSection() {
  const { data, reload } = useApiData((api) => api.backup.list({}), 'backups');
  const { outcome, busy, confirming, setConfirming, backUpNow, restore } = useBackupActions(reload);

  return (
    <section aria-labelledby="backups-heading">
      <h2 className="heading-m" id="backups-heading">
        Backups
      </h2>
      {outcome?.kind === 'done' ? (
        <div className="notification notification--success" role="status">
          <p>{outcome.message}</p>
        </div>
      ) : null}
      {outcome?.kind === 'failed' ? (
        <div className="inset inset--error" role="alert">
          <p>{outcome.message}</p>
        </div>
      ) : null}
      {data.status === 'loading' ? <Loading what="backups" /> : null}
      {data.status === 'error' ? <LoadProblem message={data.error.message} onRetry={reload} /> : null}
      {data.status === 'ready' ? (
        <>
          <div className="backups-status">
            <p>{data.value.lastVerifiedAt ? `Last backup: ${formatUkDateTime(data.value.lastVerifiedAt)}` : 'No backup yet'}</p>
            {data.value.lastFailure ? <p className="error-message">Last backup failed: {data.value.lastFailure}</p> : null}
          </div>
          <button type="button" className="button button--secondary" disabled={busy} onClick={() => void backUpNow()}>
            Back up now
          </button>
          {data.value.backups.length > 0 ? <BackupsTable backups={data.value.backups} onRestore={setConfirming} /> : null}
        </>
      ) : null}
      {confirming ? (
        <RestoreDialog backup={confirming} busy={busy} onRestore={() => void restore(confirming)} onCancel={() => setConfirming(null)} />
      ) : null}
    </section>
  );
}

/** "Back up now" and a confirmed restore, one at a time, each ending in a message and a fresh list. */
function useBackupActions(reload: () => void) {
  const { load } = useSessionActions();
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState<BackupInfo | null>(null);

  const backUpNow = async () => {
    if (busy) return;
    setBusy(true);
    setOutcome(null);
    try {
      const made = await request((api) => api.backup.create({}));
      setOutcome({ kind: 'done', message: `Backup taken ${formatUkDateTime(made.takenAt)}.` });
    } catch (error) {
      setOutcome({ kind: 'failed', message: `The backup could not be made: ${toApiError(error).message}` });
    } finally {
      setBusy(false);
      reload();
    }
  };

  const restore = async (backup: BackupInfo) => {
    if (busy) return;
    setBusy(true);
    try {
      const result = await request((api) => api.backup.restore({ fileName: backup.fileName }));
      setConfirming(null);
      setOutcome({ kind: 'done', message: `Restored the backup taken ${formatUkDateTime(result.restoredFrom.takenAt)}.` });
      // The records changed under every screen: app state (profile, settings, case count) is read again.
      void load({ quiet: true });
    } catch (error) {
      setConfirming(null);
      setOutcome({ kind: 'failed', message: `The backup could not be restored: ${toApiError(error).message}` });
    } finally {
      setBusy(false);
      reload();
    }
  };

  return { outcome, busy, confirming, setConfirming, backUpNow, restore };
}

function BackupsTable({ backups, onRestore }: { backups: readonly BackupInfo[]; onRestore(backup: BackupInfo): void }) {
  return (
    <div className="table-container">
      <table className="table backups-table">
        {/* The section heading already says "Backups"; the caption names the table for screen readers only. */}
        <caption className="visually-hidden">Backups</caption>
        <thead>
          <tr>
            <th scope="col">Taken</th>
            <th scope="col">Kind</th>
            <th scope="col">Size</th>
            <th scope="col">
              <span className="visually-hidden">Action</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {backups.map((b) => (
            <tr key={b.fileName}>
              <td id={`backup-${b.fileName.replace(/\W/g, '-')}`}>{formatUkDateTime(b.takenAt)}</td>
              <td>{KIND_LABELS[b.reason] ?? b.reason}</td>
              <td>{formatSize(b.sizeBytes)}</td>
              <td>
                <button
                  type="button"
                  className="button button--secondary button--small"
                  aria-describedby={`backup-${b.fileName.replace(/\W/g, '-')}`}
                  onClick={() => onRestore(b)}
                >
                  Restore
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
