import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Result } from '../../shared/api/errors';
import type { Backend } from '../core/app/backend';

/**
 * What the shell needs of the Backend. Every call here comes from the page, so `dispatch` is
 * called as the window: the dispatcher's third argument (CallerDispatch in
 * electron/core/platform/api/dispatcher.ts), required in this type so it cannot be forgotten.
 */
export interface WindowBackend {
  dispatch(method: string, input: unknown, caller: 'window'): Promise<Result<unknown>>;
  subscribe: Backend['subscribe'];
}

/** Large enough for a 50 MiB attachment in base64 inside JSON; anything larger is refused unread. */
export const MAX_BODY_BYTES = 72 * 1024 * 1024;

/**
 * The browser shell's only way in: the page's own origin on loopback (then the session key,
 * shell-session.ts). A foreign Host defeats DNS rebinding, a foreign Origin other local pages.
 */
export function isTrustedRequest(req: IncomingMessage, allowedHosts: readonly string[]): boolean {
  const host = req.headers.host ?? '';
  if (!allowedHosts.includes(host)) return false;
  const origin = req.headers.origin;
  if (origin !== undefined && !allowedHosts.some((h) => origin === `http://${h}`)) return false;
  return true;
}

/** Said with 413: what was refused and what the clerk can do instead. */
export const BODY_TOO_LARGE_MESSAGE =
  `La richiesta supera il limite di ${MAX_BODY_BYTES / (1024 * 1024)} MB e non è stata letta: il file scelto è troppo grande. ` +
  'Scegliere un file più piccolo; per un pacchetto molto grande usare la riga di comando (cst bundle import).';

export async function handleApiCall(backend: WindowBackend, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const raw = await readBody(req);
  if (raw === TOO_LARGE) return refuseTooLarge(req, res);
  let body: unknown;
  try {
    body = JSON.parse(raw.toString('utf8'));
  } catch {
    return sendJson(res, 400, { ok: false, error: { code: 'E_VALIDATION', message: 'Richiesta non valida.' } });
  }
  const { method, input } = (body ?? {}) as { method?: unknown; input?: unknown };
  if (typeof method !== 'string') {
    return sendJson(res, 400, { ok: false, error: { code: 'E_VALIDATION', message: 'Richiesta senza operazione.' } });
  }
  // The page is the window: a local path in its input is refused (shared/api/local-paths.ts).
  sendJson(res, 200, await backend.dispatch(method, input, 'window'));
}

/** Server-Sent Events: one `data:` line per push event, until the page goes away. */
export function handleEvents(backend: WindowBackend, req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
  res.write(': connected\n\n');
  const unsubscribe = backend.subscribe((message) => res.write(`data: ${JSON.stringify(message)}\n\n`));
  req.on('close', unsubscribe);
}

const TOO_LARGE = Symbol('too large');

/**
 * The body, or TOO_LARGE as soon as it passes the limit (a declared Content-Length is checked
 * before reading anything). Nothing past the limit is kept in memory.
 */
function readBody(req: IncomingMessage): Promise<Buffer | typeof TOO_LARGE> {
  if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) return Promise.resolve(TOO_LARGE);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.off('data', onData);
        chunks.length = 0;
        resolve(TOO_LARGE);
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * 413 with the message, then the connection is closed. The rest of the body is read and thrown
 * away meanwhile: closing at once would reset the connection under a browser still sending,
 * which then shows "connection lost" instead of the message.
 */
function refuseTooLarge(req: IncomingMessage, res: ServerResponse): void {
  req.resume();
  res.shouldKeepAlive = false;
  sendJson(res, 413, { ok: false, error: { code: 'E_LIMIT', message: BODY_TOO_LARGE_MESSAGE, params: { limitMb: MAX_BODY_BYTES / (1024 * 1024) } } });
}

export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(body);
}
