import { useId, useRef } from 'react';
import { Dialog } from './Dialog';

/**
 * "Copy this text": shown when the clipboard refused, so the summary can still be copied by hand. The
 * text is selected on opening (Ctrl+C is then all it takes); Escape or "Close" closes it.
 */
export function CopyTextDialog({ title, text, onClose }: { title: string; text: string; onClose(): void }) {
  const id = useId();
  const textArea = useRef<HTMLTextAreaElement>(null);
  return (
    <Dialog
      title="Copy this text"
      description={
        <p>
          The app could not put the {title} on the clipboard. The text is selected below: press Ctrl+C to copy it,
          then paste it into the progress note.
        </p>
      }
      initialFocus={textArea}
      onEscape={onClose}
      actions={
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      }
    >
      <div className="form-group">
        <label className="label" htmlFor={`${id}-text`}>
          Summary text
        </label>
        <textarea className="textarea" id={`${id}-text`} ref={textArea} readOnly rows={14} value={text} />
      </div>
    </Dialog>
  );
}
