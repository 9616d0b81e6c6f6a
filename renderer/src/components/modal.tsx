import { useEffect, useId, useRef, type ReactNode } from 'react';

export interface ModalProps {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** The buttons at the bottom (the caller's "Conferma" / "Annulla"); the one marked `data-initial-focus` takes the focus on opening. */
  actions?: ReactNode;
}

/**
 * A modal dialog on the native `<dialog>`: `showModal()` gives focus trapping, Escape and the
 * inert background for free, and needs no inline style. Focus returns to what opened it.
 * Where `showModal` is missing (jsdom), the dialog is simply shown open.
 */
export function Modal({ open, title, onClose, children, actions }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const opener = useRef<Element | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = dialog.ownerDocument.activeElement;
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
      // showModal focuses the first button, which in a confirmation is the destructive one: a
      // dialog names its safe choice ("Annulla") with data-initial-focus, and Enter pressed by
      // habit then cancels instead of deleting.
      dialog.querySelector<HTMLElement>('[data-initial-focus]')?.focus();
    } else if (!open && dialog.open) {
      if (typeof dialog.close === 'function') dialog.close();
      else dialog.removeAttribute('open');
      if (opener.current instanceof HTMLElement) opener.current.focus();
    }
  }, [open]);

  return (
    <dialog
      ref={ref}
      className="cst-modal"
      aria-labelledby={titleId}
      // Escape fires `cancel`: let the caller decide (it closes through `open`).
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onClose();
        }
      }}
    >
      {open ? (
        <>
          <h2 id={titleId} className="cst-modal-title">
            {title}
          </h2>
          <div className="cst-modal-body">{children}</div>
          {actions ? <div className="cst-modal-actions">{actions}</div> : null}
        </>
      ) : null}
    </dialog>
  );
}
