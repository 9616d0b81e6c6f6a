import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Backend } from '../core/app/backend';
import { handleApiCall, handleEvents, isTrustedRequest, sendJson } from './http-api';
import { ShellSession } from './shell-session';
import { serveStatic } from './static-files';

/** Where a launch code is redeemed: `GET /open?code=…` sets the session cookie, then `/`. */
export const OPEN_PATH = '/open';

export interface BrowserShell {
  /** The first address to open: carries a one-time launch code, worthless once used. */
  url: string;
  /** Another one-time address, for another browser window (each needs its own). */
  newLaunchUrl(): string;
  port: number;
  /** The session key (the HttpOnly cookie's value; also accepted as `X-CST-Secret`). Never printed. */
  secret: string;
  server: Server;
  close(): Promise<void>;
}

/**
 * The browser shell: the built renderer and the same handler table over HTTP, on 127.0.0.1 only.
 * Used where Electron cannot be installed and by the end-to-end tests. The API answers only
 * requests of the page's own origin (Host and Origin checked) carrying the session key; the
 * browser gets it by redeeming a one-time code (shell-session.ts), so the address visible in the
 * process list opens nothing.
 */
export async function startBrowserShell(options: { backend: Backend; rendererDir: string; port?: number; secret?: string }): Promise<BrowserShell> {
  let allowedHosts: string[] = [];
  let session: ShellSession | null = null;
  const server = createServer((req, res) => {
    if (!session || !isTrustedRequest(req, allowedHosts)) {
      sendJson(res, 403, { ok: false, error: { code: 'E_VALIDATION', message: 'Richiesta rifiutata: origine non ammessa.' } });
      return;
    }
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    if (url.pathname === OPEN_PATH && req.method === 'GET') {
      // A used, unknown or missing code sets nothing: the page then says how to reopen the app.
      const cookies = session.redeem(url.searchParams.get('code')) ? session.cookies() : [];
      res.writeHead(303, { Location: '/', 'Set-Cookie': cookies, 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' }).end();
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      if (!session.authorizes(req) || !sameSiteApiRequest(req, session)) {
        sendJson(res, 401, { ok: false, error: { code: 'E_VALIDATION', message: 'Richiesta rifiutata: chiave di sessione mancante o errata. Riaprire CST Desk dal collegamento mostrato all’avvio.' } });
        return;
      }
      if (url.pathname === '/api/call' && req.method === 'POST') {
        handleApiCall(options.backend, req, res).catch(() => res.destroy());
        return;
      }
      if (url.pathname === '/api/events' && req.method === 'GET') {
        handleEvents(options.backend, req, res);
        return;
      }
      sendJson(res, 404, { ok: false, error: { code: 'E_UNKNOWN_METHOD', message: 'Indirizzo sconosciuto.' } });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    serveStatic(options.rendererDir, url.pathname, res).catch(() => res.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  const live = new ShellSession(port, options.secret);
  session = live;
  const newLaunchUrl = () => `http://127.0.0.1:${port}${OPEN_PATH}?code=${live.mintLaunchCode()}`;
  return {
    url: newLaunchUrl(),
    newLaunchUrl,
    port,
    secret: live.secret,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * A call authorized by the cookie alone must be a JSON POST (or the event stream): a form of
 * another page on 127.0.0.1 (same site, other port) cannot send that without a CORS preflight,
 * which this server never grants. The Origin check (isTrustedRequest) refuses it too.
 */
function sameSiteApiRequest(req: IncomingMessage, session: ShellSession): boolean {
  if (session.viaHeader(req) || req.method === 'GET') return true;
  return /^application\/json\b/i.test(req.headers['content-type'] ?? '');
}
