import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Backend } from '../core/app/backend';
import { handleApiCall, handleEvents, isTrustedRequest, secretMatches, sendJson } from './http-api';
import { serveStatic } from './static-files';

export interface BrowserShell {
  /** The address to open, with the per-launch secret in the fragment (never sent to the server). */
  url: string;
  port: number;
  secret: string;
  server: Server;
  close(): Promise<void>;
}

/**
 * The browser shell: the built renderer and the same handler table over HTTP, on 127.0.0.1 only.
 * Used where Electron cannot be installed and by the end-to-end tests.
 */
export async function startBrowserShell(options: { backend: Backend; rendererDir: string; port?: number; secret?: string }): Promise<BrowserShell> {
  const secret = options.secret ?? randomBytes(24).toString('hex');
  let allowedHosts: string[] = [];
  const server = createServer((req, res) => {
    if (!isTrustedRequest(req, allowedHosts)) {
      sendJson(res, 403, { ok: false, error: { code: 'E_VALIDATION', message: 'Richiesta rifiutata: origine non ammessa.' } });
      return;
    }
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    if (url.pathname.startsWith('/api/')) {
      const given = url.pathname === '/api/events' ? url.searchParams.get('secret') : (req.headers['x-cst-secret'] as string | undefined);
      if (!secretMatches(secret, given)) {
        sendJson(res, 401, { ok: false, error: { code: 'E_VALIDATION', message: 'Richiesta rifiutata: chiave di sessione mancante o errata.' } });
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
  return {
    url: `http://127.0.0.1:${port}/#secret=${secret}`,
    port,
    secret,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
