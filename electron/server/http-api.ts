import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Backend } from '../core/app/backend';

/** Large enough for a 50 MiB attachment in base64 inside JSON; anything larger is refused unread. */
export const MAX_BODY_BYTES = 72 * 1024 * 1024;

export function secretMatches(secret: string, given: string | null | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(secret);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The browser shell's only way in: the page's own origin on loopback, with the per-launch
 * secret. A foreign Host defeats DNS rebinding, a foreign Origin defeats other local pages.
 */
export function isTrustedRequest(req: IncomingMessage, allowedHosts: readonly string[]): boolean {
  const host = req.headers.host ?? '';
  if (!allowedHosts.includes(host)) return false;
  const origin = req.headers.origin;
  if (origin !== undefined && !allowedHosts.some((h) => origin === `http://${h}`)) return false;
  return true;
}

export async function handleApiCall(backend: Backend, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let body: unknown;
  try {
    body = JSON.parse((await readBody(req)).toString('utf8'));
  } catch {
    return sendJson(res, 400, { ok: false, error: { code: 'E_VALIDATION', message: 'Richiesta non valida.' } });
  }
  const { method, input } = (body ?? {}) as { method?: unknown; input?: unknown };
  if (typeof method !== 'string') {
    return sendJson(res, 400, { ok: false, error: { code: 'E_VALIDATION', message: 'Richiesta senza operazione.' } });
  }
  sendJson(res, 200, await backend.dispatch(method, input));
}

/** Server-Sent Events: one `data:` line per push event, until the page goes away. */
export function handleEvents(backend: Backend, req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
  res.write(': connected\n\n');
  const unsubscribe = backend.subscribe((message) => res.write(`data: ${JSON.stringify(message)}\n\n`));
  req.on('close', unsubscribe);
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(body);
}
