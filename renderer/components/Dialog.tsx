import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode, type RefObject } from 'react';

interface Props {
  /** 'alertdialog' when the choice has consequences to weigh (the safe choice then takes focus). */
  role?: 'dialog' | 'alertdialog';
  title: string;
  /** What the dialog says, read out with its title (aria-describedby). */
  description: ReactNode;
  /** Anything between the description and the buttons. */
  children?: ReactNode;
  /** The buttons, in one group at the bottom. */
  actions: ReactNode;
  /** The element that takes focus when the dialog opens. */
  initialFocus: RefObject<HTMLElement | null>;
  /** Escape: the same as the dialog's cancel or close button. */
  onEscape(): void;
  /** Whether focus goes back to where it was when the dialog closes (asked then); yes by default. */
  returnFocus?: () => boolean;
}

const FOCUSABLE = 'textarea, input, select, button';

/**
 * An in-app modal dialog (not window.confirm, which Electron shows as an unstyled native box). The
 * app shell makes the page behind inert while one is open (App.tsx). Focus starts on `initialFocus`,
 * Tab and Shift+Tab stay inside, Escape is `onEscape`, and on closing focus goes back to the element
 * that had it (the button that opened the dialog) if that is still on the page.
 */
export function Dialog({ role = 'dialog', title, description, children, actions, initialFocus, onEscape, returnFocus }: Props) {
  const id = useId();
  const dialog = useRef<HTMLDivElement>(null);
  const returnFocusRef = useRef(returnFocus);
  returnFocusRef.current = returnFocus;

  useEffect(() => {
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    initialFocus.current?.focus();
    if (initialFocus.current instanceof HTMLTextAreaElement) initialFocus.current.select();
    return () => {
      // Runs after the page behind stops being inert, so it can take focus again.
      if (returnTo?.isConnected && (returnFocusRef.current?.() ?? true)) returnTo.focus();
    };
    // Once, on opening.
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onEscape();
      return;
    }
    if (event.key !== 'Tab') return;
    const focusable = Array.from(dialog.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? []);
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
        role={role}
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-description`}
        ref={dialog}
        onKeyDown={onKeyDown}
      >
        <h2 className="heading-m" id={`${id}-title`}>
          {title}
        </h2>
        <div id={`${id}-description`}>{description}</div>
        {children}
        <div className="button-group">{actions}</div>
      </div>
    </div>
  );
}
