import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CustomScheme } from 'electron';
import { APP_HOST, APP_SCHEME } from './app-origin';

/**
 * Sent as a response header with every app:// response, so it holds even if index.html lost
 * its meta tag. No 'unsafe-inline' anywhere: the renderer build emits no inline script or style.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "font-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * `standard` gives app://cst a real origin (relative URLs, localStorage, same-origin checks);
 * `secure` makes it a secure context like https; fetch support lets the renderer load its own
 * assets; the code cache speeds up start-up on the old PCs of small town halls. `corsEnabled`
 * stays off: same-origin loads (Vite's `crossorigin` module scripts) work without it, and
 * leaving it off keeps app:// unreadable from any other origin. No `bypassCSP`.
 * Must be registered before the app's `ready` event.
 */
export const appScheme: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export function mimeTypeOf(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps an app:// URL to a file under `root`, or null when it must not be served: another
 * host, undecodable escapes, NUL bytes, backslashes (a separator on Windows) or any path
 * that resolves outside `root` (`..`, also percent-encoded as %2e%2e or %2f).
 */
export function resolveAppPath(root: string, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host.toLowerCase() !== APP_HOST) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  if (decoded.split('/').some((segment) => segment === '..')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const base = path.resolve(root);
  const full = path.resolve(base, relative);
  const inside = path.relative(base, full);
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) return null;
  return full;
}

function respond(status: number, body: Uint8Array | string | null, contentType: string): Response {
  return new Response(body, {
    status,
    headers: {
      'Content-Type': contentType,
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      // The files change only with an update of the app; never serve a stale index.html.
      'Cache-Control': 'no-cache',
    },
  });
}

/**
 * The `protocol.handle('app', …)` handler: serves the built renderer (dist/renderer) read-only.
 * A path without an extension that is not a file falls back to index.html, so a reload on a
 * client-side route still opens the app; a missing asset is a plain 404.
 */
export function createAppFileHandler(rootDir: string): (request: Request) => Promise<Response> {
  const root = path.resolve(rootDir);
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return respond(405, 'Metodo non consentito', 'text/plain; charset=utf-8');
    const file = resolveAppPath(root, request.url);
    if (!file) return respond(404, 'Non trovato', 'text/plain; charset=utf-8');
    const candidates = path.extname(file) ? [file] : [file, path.join(root, 'index.html')];
    for (const candidate of candidates) {
      try {
        const content = await readFile(candidate);
        return respond(200, request.method === 'HEAD' ? null : new Uint8Array(content), mimeTypeOf(candidate));
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code !== 'ENOENT' && code !== 'EISDIR' && code !== 'ENOTDIR') {
          return respond(500, 'Errore di lettura', 'text/plain; charset=utf-8');
        }
      }
    }
    return respond(404, 'Non trovato', 'text/plain; charset=utf-8');
  };
}
