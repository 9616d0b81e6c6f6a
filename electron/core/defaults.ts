import { randomUUID } from 'node:crypto';
import type { Clock, IdSource, Log } from './context';

export const systemClock: Clock = { now: () => new Date().toISOString() };

export const randomIds: IdSource = { uuid: () => randomUUID() };

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
