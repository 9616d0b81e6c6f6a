/**
 * The renderer's only origin in production: a privileged custom scheme served from
 * dist/renderer (see app-protocol.ts). Every trust decision in the shell (IPC sender, navigation,
 * push events) compares against an origin computed by `originOf`, never against raw strings.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'cst';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/**
 * The serialized origin of `url`, or null if it has none we could trust.
 * Node's WHATWG URL gives the opaque origin "null" for schemes it does not know as special
 * (`new URL('app://cst/').origin === 'null'`), while Chromium treats our registered standard
 * scheme as a tuple origin: so custom schemes are rebuilt from protocol and host here.
 */
export function originOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return parsed.origin;
  // Chromium lower-cases the host of a standard scheme; Node leaves it as written.
  if (parsed.protocol === `${APP_SCHEME}:` && parsed.host.toLowerCase() === APP_HOST) return APP_ORIGIN;
  return null;
}

export function isSameOrigin(url: string, origin: string): boolean {
  return originOf(url) === origin;
}

/**
 * Only encrypted web links may leave the app, and only to the OS browser: `http:` could be
 * rewritten on the way (a town hall's Wi-Fi), any other scheme (file:, smb:, ms-*) could start
 * a program on the clerk's PC.
 */
export function isExternalWebUrl(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * The dev server is honoured only in an unpackaged run and only on loopback, so a stray
 * environment variable on a municipality's PC can never point the app at a remote page.
 */
export function devServerOrigin(raw: string | undefined, isPackaged: boolean): string | null {
  if (isPackaged || !raw) return null;
  try {
    const url = new URL(raw);
    const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
    return (url.protocol === 'http:' || url.protocol === 'https:') && loopback ? url.origin : null;
  } catch {
    return null;
  }
}
