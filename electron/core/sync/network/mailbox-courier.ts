/**
 * The client of the consortium's mailbox (docs/sync.md): the Courier the sync agent uses when
 * a mailbox address is set. Node's fetch, every request signed (http-signature.ts) with a fresh
 * nonce; uploads in chunks with Content-Range that resume from what the server holds; downloads
 * with `Range: bytes=<n>-` that resume `dest + '.part'`. Failures become CourierError reasons the
 * agent acts on. Nothing personal is logged here (nothing is logged at all).
 *
 * Clock: `created` is our clock plus an offset learned from the server (its `Date` header, or
 * the `server_time` of a `clock_skew` refusal, after which the request is signed again once), so
 * a town-hall PC whose clock is an hour off still syncs.
 */
import { randomBytes, createHash, type KeyObject } from 'node:crypto';
import { close, closeSync, createReadStream, fsync, ftruncateSync, openSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { InstallationKeys } from '../identity/keys';
import { syncFolderAsync } from '../../platform/fs/atomic-write';
import { CourierError, type Courier, type OutgoingFile, type Progress, type Recipient, type SendOptions, type SendState, type SignedRoster, type WaitingFile } from './courier';
import { contentDigest, ed25519PrivateKey, signRequest } from './http-signature';

export interface MailboxCourierOptions {
  /** `https://mailbox.example.it` (a path prefix is kept: `https://host/cst`). */
  baseUrl: string;
  /** The installation's keys (loadInstallationKeys): the signing seed and its key id. */
  keys: Pick<InstallationKeys, 'signing' | 'keyId'>;
  /** Our clock in milliseconds (tests move it). */
  now?: () => number;
  /** A request with no answer, or a transfer with no bytes, for this long is given up (offline). */
  timeoutMs?: number;
  /** Upload chunk size; the server takes at most 1 MiB. */
  chunkBytes?: number;
}

export interface MailboxCourier extends Courier {
  readonly kind: 'mailbox';
  /** What we add to our clock to get the server's, as learned so far (ms). */
  clockOffsetMs(): number;
}

export const MAX_CHUNK_BYTES = 1024 * 1024;
/** Ids in one `POST /v1/inbox/delete` (the server takes 1 to 1,000). */
export const MAX_DELETE_BATCH = 1000;
const DEFAULT_TIMEOUT_MS = 30_000;
/** The server's Date has one-second precision: an offset is adopted only when it matters. */
const DATE_OFFSET_THRESHOLD_MS = 30_000;

interface Answer {
  status: number;
  headers: Headers;
  json: Record<string, unknown> | null;
}

export function createMailboxCourier(options: MailboxCourierOptions): MailboxCourier {
  const base = options.baseUrl.replace(/\/+$/, '');
  const now = options.now ?? Date.now;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const chunkBytes = Math.min(options.chunkBytes ?? MAX_CHUNK_BYTES, MAX_CHUNK_BYTES);
  const key: KeyObject = ed25519PrivateKey(options.keys.signing.seed);
  let offsetMs = 0;

  function learnFromDate(headers: Headers): void {
    const date = Date.parse(headers.get('date') ?? '');
    if (Number.isNaN(date)) return;
    if (Math.abs(date - (now() + offsetMs)) > DATE_OFFSET_THRESHOLD_MS) offsetMs = date - now();
  }

  /** One signed request; a clock_skew refusal is answered by signing again with the server's time, once. */
  async function signedFetch(method: string, path: string, init: { body?: Buffer; headers?: Record<string, string>; signal?: AbortSignal } = {}): Promise<Response> {
    let staleRetried = false;
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const url = new URL(`${base}${path}`).href;
      const body = init.body ?? Buffer.alloc(0);
      const headers: Record<string, string> = { ...init.headers, 'content-digest': contentDigest(body) };
      const created = Math.floor((now() + offsetMs) / 1000);
      Object.assign(headers, signRequest({ method, targetUri: url, headers }, key, { created, keyid: options.keys.keyId, alg: 'ed25519', nonce: randomBytes(16).toString('base64url') }));
      let res: Response;
      try {
        res = await fetch(url, {
          method,
          headers,
          // A copy as a plain Uint8Array: what both Node's and the DOM's fetch types accept as a body.
          ...(init.body ? { body: new Uint8Array(init.body) } : {}),
          signal: init.signal ?? AbortSignal.timeout(timeoutMs),
        });
      } catch (err) {
        // A kept-alive connection the server closed while it sat in the pool (a restart, an idle
        // timeout) fails at once: one more try on a fresh connection, signed anew.
        if (!staleRetried && !init.signal && isStaleConnection(err)) {
          staleRetried = true;
          attempt -= 1;
          continue;
        }
        throw new CourierError('offline', describeNetworkError(err));
      }
      learnFromDate(res.headers);
      if (res.status === 401 && attempt === 0) {
        const text = await res.text();
        const skew = parseJson(text);
        const serverTime = typeof skew?.server_time === 'string' ? Date.parse(skew.server_time) : NaN;
        if (skew?.error === 'clock_skew' && !Number.isNaN(serverTime)) {
          offsetMs = serverTime - now();
          continue;
        }
        return new Response(text, { status: res.status, headers: res.headers });
      }
      return res;
    }
    throw new CourierError('refused', 'clock_skew after adjusting the clock');
  }

  async function call(method: string, path: string, init: { body?: Buffer; headers?: Record<string, string> } = {}): Promise<Answer> {
    const res = await signedFetch(method, path, init);
    let text: string;
    try {
      text = await res.text();
    } catch (err) {
      throw new CourierError('offline', describeNetworkError(err));
    }
    return { status: res.status, headers: res.headers, json: parseJson(text) };
  }

  /** The CourierError for an answer we did not expect. */
  function failure(a: { status: number; headers: Headers; json?: Record<string, unknown> | null }, what: string): CourierError {
    const code = typeof a.json?.error === 'string' ? a.json.error : `HTTP ${a.status}`;
    if (a.status === 429) {
      const retry = Number(a.headers.get('retry-after'));
      return new CourierError('quota', `${what}: ${code}`, Number.isFinite(retry) && retry >= 0 ? retry : 60);
    }
    if (a.status === 401 || a.status === 403 || a.status === 413) return new CourierError('refused', `${what}: ${code}`);
    if (a.status === 422) return new CourierError('corrupt', `${what}: ${code}`);
    return new CourierError('server', `${what}: ${code}`);
  }

  const sendPath = (to: Recipient, sha256: string) => `/v1/send/${encodeURIComponent(to)}/${sha256}`;

  async function sendState(to: Recipient, sha256: string): Promise<SendState> {
    return (await uploadState(to, sha256)).state;
  }

  async function uploadState(to: Recipient, sha256: string): Promise<{ state: SendState; received: number; total: number }> {
    const a = await call('GET', sendPath(to, sha256));
    const state = a.json?.state;
    if (a.status !== 200 || (state !== 'absent' && state !== 'partial' && state !== 'waiting' && state !== 'delivered')) throw failure(a, 'upload state');
    return { state, received: Number(a.json?.received ?? 0), total: Number(a.json?.total ?? 0) };
  }

  /**
   * Where to start: a fresh one-chunk file is sent at once from 0 (a repeat of a complete upload is
   * answered `waiting`/`delivered` from the server's index, a partial one `409 offset_mismatch`
   * with where to resume); otherwise the server is asked first, so a repeat sends no body.
   */
  async function startOffset(to: Recipient, file: OutgoingFile, options: SendOptions): Promise<number | 'waiting' | 'delivered'> {
    if (options.fresh && file.bytes <= chunkBytes) return 0;
    const start = await uploadState(to, file.sha256);
    if (start.state === 'waiting' || start.state === 'delivered') return start.state;
    return start.state === 'partial' && start.total === file.bytes ? start.received : 0;
  }

  async function send(to: Recipient, file: OutgoingFile, onProgress?: Progress, options: SendOptions = {}): Promise<SendState> {
    if (file.bytes <= 0) throw new CourierError('corrupt', 'empty file');
    const start = await startOffset(to, file, options);
    if (start === 'waiting' || start === 'delivered') {
      onProgress?.(file.bytes, file.bytes);
      return start;
    }
    let offset = start;
    const fd = openSync(file.path, 'r');
    try {
      // Bounded: every chunk once, plus a few resends the server asks for.
      const maxRequests = Math.ceil(file.bytes / chunkBytes) + 8;
      for (let i = 0; i < maxRequests; i += 1) {
        const length = Math.min(chunkBytes, file.bytes - offset);
        const chunk = Buffer.alloc(length);
        let read = 0;
        while (read < length) {
          const n = readSync(fd, chunk, read, length - read, offset + read);
          if (n === 0) throw new CourierError('corrupt', 'the file is shorter than announced');
          read += n;
        }
        const a = await call('PUT', sendPath(to, file.sha256), {
          body: chunk,
          headers: { 'content-type': 'application/octet-stream', 'content-range': `bytes ${offset}-${offset + length - 1}/${file.bytes}` },
        });
        const state = a.json?.state;
        if (a.status === 200 && (state === 'waiting' || state === 'delivered')) {
          onProgress?.(file.bytes, file.bytes);
          return state;
        }
        if (a.status === 200 && state === 'partial') offset = Number(a.json?.received);
        else if (a.status === 409 && a.json?.error === 'offset_mismatch') offset = Number(a.json.received);
        else throw failure(a, 'upload');
        if (!(Number.isSafeInteger(offset) && offset >= 0 && offset < file.bytes)) throw new CourierError('server', 'upload: impossible offset');
        onProgress?.(offset, file.bytes);
      }
      throw new CourierError('server', 'upload: no progress');
    } finally {
      closeSync(fd);
    }
  }

  async function list(after?: string, limit = 100): Promise<{ items: WaitingFile[]; more: boolean }> {
    const query = new URLSearchParams({ limit: String(limit), ...(after ? { after } : {}) });
    const a = await call('GET', `/v1/inbox?${query.toString()}`);
    const items = a.json?.items;
    if (a.status !== 200 || !Array.isArray(items)) throw failure(a, 'inbox');
    return {
      items: items.map((it: { sha256: string; bytes: number; from: string; received_at: string }) => ({ sha256: it.sha256, bytes: it.bytes, from: it.from, receivedAt: it.received_at })),
      more: a.json?.more === true,
    };
  }

  async function download(item: WaitingFile, dest: string, onProgress?: Progress, options: { keepMismatch?: boolean } = {}): Promise<void> {
    const part = `${dest}.part`;
    let have = sizeOf(part);
    if (have > item.bytes) {
      rmSync(part, { force: true });
      have = 0;
    }
    if (have < item.bytes) have = await downloadRest(item, part, have, onProgress);
    const actual = await sha256Of(part);
    if (actual !== item.sha256) {
      if (options.keepMismatch) renameSync(part, `${dest}.mismatch`);
      else rmSync(part, { force: true });
      throw new CourierError('corrupt', 'download does not hash to its name');
    }
    renameSync(part, dest);
    await syncFolderAsync(dirname(dest));
  }

  /** Appends the rest of the file from `have` to `part`; returns its size. The part is flushed whatever happens. */
  async function downloadRest(item: WaitingFile, part: string, have: number, onProgress?: Progress): Promise<number> {
    // An idle timeout, not a total one: a long download on a slow line is fine while bytes flow.
    const controller = new AbortController();
    let timer = setTimeout(() => controller.abort(), timeoutMs);
    const poke = () => {
      clearTimeout(timer);
      timer = setTimeout(() => controller.abort(), timeoutMs);
    };
    const fd = openSync(part, have > 0 ? 'r+' : 'w');
    let size = have;
    try {
      const res = await signedFetch('GET', `/v1/inbox/${item.sha256}`, { headers: have > 0 ? { range: `bytes=${have}-` } : {}, signal: controller.signal });
      if (res.status === 200) size = 0;
      else if (res.status !== 206 || !(res.headers.get('content-range') ?? '').startsWith(`bytes ${have}-`)) {
        const json = parseJson(await res.text().catch(() => ''));
        throw res.status === 404 ? new CourierError('server', 'download: no longer in the inbox') : failure({ status: res.status, headers: res.headers, json }, 'download');
      }
      ftruncateSync(fd, size);
      if (!res.body) throw new CourierError('server', 'download: no body');
      try {
        for await (const piece of res.body as unknown as AsyncIterable<Uint8Array>) {
          poke();
          let off = 0;
          while (off < piece.length) off += writeSync(fd, piece, off, piece.length - off, size + off);
          size += piece.length;
          if (size > item.bytes) throw new CourierError('corrupt', 'download longer than announced');
          onProgress?.(size, item.bytes);
        }
      } catch (err) {
        if (err instanceof CourierError) throw err;
        if (controller.signal.aborted || isNetworkError(err)) throw new CourierError('offline', describeNetworkError(err));
        throw err;
      }
      return size;
    } finally {
      clearTimeout(timer);
      // Off the event loop: the agent shares it with the window's requests.
      await syncAndClose(fd);
    }
  }

  async function remove(sha256: string): Promise<void> {
    const a = await call('DELETE', `/v1/inbox/${sha256}`);
    if (a.status !== 204 && a.status !== 200) throw failure(a, 'delete');
  }

  /** False once a mailbox answered that it has no batch delete (one older than it): then one DELETE each. */
  let batchDelete = true;

  /** `POST /v1/inbox/delete`, up to 1,000 ids a request; one id is the ordinary DELETE. */
  async function removeMany(sha256s: readonly string[]): Promise<void> {
    const ids = [...new Set(sha256s)];
    for (let i = 0; i < ids.length; i += MAX_DELETE_BATCH) {
      const batch = ids.slice(i, i + MAX_DELETE_BATCH);
      if (batch.length === 1 || !batchDelete) {
        for (const sha256 of batch) await remove(sha256);
        continue;
      }
      const body = Buffer.from(JSON.stringify({ sha256: batch }), 'utf8');
      const a = await call('POST', '/v1/inbox/delete', { body, headers: { 'content-type': 'application/json' } });
      if (a.status === 204 || a.status === 200) continue;
      if (a.status === 404 && a.json?.error === 'not_found') {
        batchDelete = false;
        for (const sha256 of batch) await remove(sha256);
        continue;
      }
      throw failure(a, 'delete');
    }
  }

  /** Publishes the roster; a mailbox that already holds this serial or a later one is left as it is. */
  async function publishRoster(roster: SignedRoster): Promise<void> {
    const body = Buffer.from(JSON.stringify({ roster: roster.roster, signature: roster.signature }), 'utf8');
    const a = await call('PUT', '/v1/roster', { body, headers: { 'content-type': 'application/json' } });
    if (a.status === 200 || (a.status === 409 && a.json?.error === 'stale_roster')) return;
    throw failure(a, 'roster');
  }

  return { kind: 'mailbox', send, sendState, list, fetch: download, remove, removeMany, publishRoster, clockOffsetMs: () => offsetMs };
}

function parseJson(text: string): Record<string, unknown> | null {
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ECONNABORTED']);

function isNetworkError(err: unknown): boolean {
  const e = err as { name?: string; code?: string; cause?: { code?: string } };
  return e?.name === 'AbortError' || e?.name === 'TimeoutError' || e?.name === 'TypeError' || NETWORK_CODES.has(e?.code ?? '') || NETWORK_CODES.has(e?.cause?.code ?? '');
}

function isStaleConnection(err: unknown): boolean {
  const code = (err as { cause?: { code?: string } })?.cause?.code;
  return code === 'UND_ERR_SOCKET' || code === 'ECONNRESET' || code === 'EPIPE';
}

/** The cause's code (ECONNREFUSED, TimeoutError…): no URL, nothing personal. */
function describeNetworkError(err: unknown): string {
  const e = err as { name?: string; code?: string; cause?: { code?: string; name?: string } };
  return e?.cause?.code ?? e?.code ?? e?.cause?.name ?? e?.name ?? 'network error';
}

/** fsync and close of a descriptor, in libuv's thread pool. */
function syncAndClose(fd: number): Promise<void> {
  return new Promise((resolve, reject) =>
    fsync(fd, (syncErr) =>
      close(fd, (closeErr) => {
        if (syncErr ?? closeErr) reject(syncErr ?? closeErr);
        else resolve();
      }),
    ),
  );
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const piece of createReadStream(path)) hash.update(piece as Buffer);
  return hash.digest('hex');
}

