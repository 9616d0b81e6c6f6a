/** The hash route (`#/settings` → `/settings`), the only part of `location` the app reads. */
export function readHashPath(): string {
  const hash = window.location.hash;
  return hash.startsWith('#/') ? hash.slice(1) : '/';
}

export function onHashChange(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

export function navigateTo(path: string): void {
  window.location.hash = `#${path}`;
}
