import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

/** The same policy as the Electron window: nothing inline, nothing from elsewhere. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; font-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

/** Serves the built renderer; a path that leaves its folder is refused, an unknown path gets index.html. */
export async function serveStatic(rootDir: string, urlPath: string, res: ServerResponse): Promise<void> {
  let relative: string;
  try {
    relative = normalize(decodeURIComponent(urlPath.split('?')[0] ?? '/')).replace(/^[/\\]+/, '');
  } catch {
    res.writeHead(400).end();
    return;
  }
  if (relative.split(sep).includes('..')) {
    res.writeHead(403).end();
    return;
  }
  const file = relative === '' ? 'index.html' : relative;
  let body: Buffer;
  let type = MIME[extname(file)] ?? 'application/octet-stream';
  try {
    body = await readFile(join(rootDir, file));
  } catch {
    if (extname(file) !== '') {
      res.writeHead(404).end();
      return;
    }
    body = await readFile(join(rootDir, 'index.html'));
    type = MIME['.html']!;
  }
  res.writeHead(200, {
    'Content-Type': type,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  });
  res.end(body);
}
