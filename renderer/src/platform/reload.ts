/**
 * Reloading the whole page after the data under it changed wholesale (a backup restored): every
 * screen's data and stores came from the database that was replaced. A short notice survives the
 * reload in sessionStorage (this tab only, gone when it closes) so the page can say what happened.
 * `page.reload` is an object property so a test (jsdom has no navigation) can observe it.
 */
const NOTICE_KEY = 'cst-desk-after-reload';

export const page = {
  reload: (): void => window.location.reload(),
};

export function reloadWithNotice(notice: unknown): void {
  try {
    window.sessionStorage.setItem(NOTICE_KEY, JSON.stringify(notice));
  } catch {
    // Storage refused (a private window's quota): the page reloads without the notice.
  }
  page.reload();
}

/** The notice left before the reload, once: reading it removes it. */
export function takeReloadNotice<T>(): T | null {
  try {
    const raw = window.sessionStorage.getItem(NOTICE_KEY);
    if (raw === null) return null;
    window.sessionStorage.removeItem(NOTICE_KEY);
    return JSON.parse(raw) as T;
  } catch {
    return null;
  }
}
