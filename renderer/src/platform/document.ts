/** The document-level side effects the app needs, kept here so components never touch `document`. */

export function setDocumentLanguage(locale: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}

export function setDocumentTitle(title: string): void {
  if (typeof document !== 'undefined') document.title = title;
}

/** Moves keyboard and screen-reader focus to an element by id (after a page change). */
export function focusElementById(id: string): void {
  if (typeof document === 'undefined') return;
  const el = document.getElementById(id);
  if (el) el.focus({ preventScroll: false });
}
