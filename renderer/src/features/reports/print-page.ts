/** The browser's (or Electron's) print dialog for the page; reports.css prints only the preview. */
export function printPage(): void {
  if (typeof window !== 'undefined' && typeof window.print === 'function') window.print();
}
