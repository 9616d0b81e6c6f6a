import { randomBytes } from 'node:crypto';
import type { Clock, IdSource, Log } from './context';

export const systemClock: Clock = { now: () => new Date().toISOString() };

/**
 * Record ids are UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, then 74 random bits. Unique
 * across installations like v4, but in time order, so the tables keyed by id (the hub's
 * received_records, every member's records) grow at their end instead of at random places in
 * the B-tree: a hub importing a million events touches a few pages, not the whole index.
 */
export function uuidV7(nowMs = Date.now(), random: Uint8Array = randomBytes(10)): string {
  const b = new Uint8Array(16);
  let ms = nowMs;
  for (let i = 5; i >= 0; i--) {
    b[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  b.set(random, 6);
  b[6] = 0x70 | ((b[6] as number) & 0x0f); // version 7
  b[8] = 0x80 | ((b[8] as number) & 0x3f); // variant 10
  const hex = Buffer.from(b).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const randomIds: IdSource = { uuid: () => uuidV7() };

/** Logs go to stderr as one JSON line each, so stdout stays clean for the CLI's output. */
export const stderrLog: Log = {
  info: (message, fields) => writeLog('info', message, fields),
  warn: (message, fields) => writeLog('warn', message, fields),
  error: (message, fields) => writeLog('error', message, fields),
};

function writeLog(level: string, message: string, fields?: Record<string, unknown>): void {
  if (level === 'info' && !process.env.CST_VERBOSE) return;
  process.stderr.write(`${JSON.stringify({ level, message, ...fields })}\n`);
}

/** A clock for tests: starts at `start` and moves by `stepMs` at every reading. */
export function fixedClock(start = '2026-11-26T09:00:00.000Z', stepMs = 1): Clock {
  let t = Date.parse(start);
  return {
    now() {
      const s = new Date(t).toISOString();
      t += stepMs;
      return s;
    },
  };
}

/** Deterministic UUIDs (version 4 layout) for tests. */
export function sequentialIds(prefix = 0): IdSource {
  let n = 0;
  return {
    uuid() {
      n += 1;
      const hex = (prefix * 1_000_000 + n).toString(16).padStart(12, '0');
      return `00000000-0000-4000-8000-${hex}`;
    },
  };
}
