import { useEffect, useId, useRef, type KeyboardEvent } from 'react';

/**
 * "Copy this text": shown when the clipboard refused, so the summary can still be copied by hand. The
 * text is selected on opening (Ctrl+C is then all it takes); focus stays inside until the dialog is
 * closed (Escape or "Close") and then goes back to the button that opened it.
 */
export function CopyTextDialog({ title, text, onClose }: { title: string; text: string; onClose(): void }) {
  const id = useId();
  const dialog = useRef<HTMLDivElement>(null);
  const textArea = useRef<HTMLTextAreaElement>(null);
  const returnFocusTo = useRef<HTMLElement | null>(null);

  useEffect(() => {
    returnFocusTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    textArea.current?.focus();
    textArea.current?.select();
    return () => {
      if (returnFocusTo.current?.isConnected) returnFocusTo.current.focus();
    };
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
      return;
    }
    if (event.key !== 'Tab') return;
    const focusable = Array.from(dialog.current?.querySelectorAll<HTMLElement>('textarea, button') ?? []);
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <div className="dialog-backdrop">
      <div
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-description`}
        ref={dialog}
        onKeyDown={onKeyDown}
      >
        <h2 className="heading-m" id={`${id}-title`}>
          Copy this text
        </h2>
        <p id={`${id}-description`}>
          The app could not put the {title} on the clipboard. The text is selected below: press Ctrl+C to copy it,
          then paste it into the progress note.
        </p>
        <div className="form-group">
          <label className="label" htmlFor={`${id}-text`}>
            Summary text
          </label>
          <textarea className="textarea" id={`${id}-text`} ref={textArea} readOnly rows={14} value={text} />
        </div>
        <div className="button-group">
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </div>
  );
}
