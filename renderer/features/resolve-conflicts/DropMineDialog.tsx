import { useRef } from 'react';
import type { ConflictView } from '../../../shared/ipc/schemas/sync';
import { Dialog } from '../../components/Dialog';
import { dropMineWords } from '../../lib/sync-words';

/**
 * "Use the server's version" drops work done on this computer, so it is asked once more, naming
 * exactly what goes (each field where yours differs) and that it stays in the audit trail. The safe
 * choice, keeping it, takes focus.
 */
export function DropMineDialog({ conflict, onConfirm, onCancel }: { conflict: ConflictView; onConfirm(): void; onCancel(): void }) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  const dropped = conflict.fields.filter((f) => f.mine !== f.theirs);
  return (
    <Dialog
      role="alertdialog"
      title={`Use the server's version of ${conflict.caseRef}?`}
      description={
        <>
          <p>
            Your changes to {conflict.caseRef} ({conflict.youngPersonName}) will be discarded from the case and replaced by the
            version {conflict.serverAuthorName} saved on the team server:
          </p>
          <ul className="list list--bullet">
            {dropped.map((f, i) => (
              <li key={i}>{dropMineWords(f)}</li>
            ))}
          </ul>
          <p>What you discard stays in the case&rsquo;s audit trail (the History tab), so it can still be read.</p>
        </>
      }
      initialFocus={cancelRef}
      onEscape={onCancel}
      actions={
        <>
          <button type="button" className="button button--warning" onClick={onConfirm}>
            Discard mine and use the server&rsquo;s
          </button>
          <button type="button" className="button button--secondary" ref={cancelRef} onClick={onCancel}>
            Keep mine for now
          </button>
        </>
      }
    />
  );
}
