import type { ApiError, Result } from '../../shared/api/errors';
import type { PushMessage } from '../../shared/api/events';

/**
 * The wire protocol between the main process and the backend utility process
 * (`process.parentPort` on one side, `UtilityProcess.postMessage` on the other).
 * Every message is a plain, structured-clonable object; errors travel as values.
 *
 *   main → host   { init: { dataDir, appVersion } }   once, first
 *                 { id, method, input }                a call
 *                 { shutdown: true }                   close the store and exit
 *   host → main   { ready: true }                      the data dir is open
 *                 { fatal: { code, message } }         it could not be opened (main then kills it)
 *                 { id, result }                       the Result of call `id`
 *                 { event, payload }                   a push event (PushMessage)
 */
export interface HostInit {
  dataDir: string;
  appVersion: string;
}

export type ToHost = { init: HostInit } | { id: number; method: string; input: unknown } | { shutdown: true };

export type FromHost =
  | { ready: true }
  | { fatal: ApiError }
  | { id: number; result: Result<unknown> }
  | PushMessage;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Parses what the host receives; anything else is ignored (it can only come from a bug). */
export function parseToHost(value: unknown): ToHost | null {
  if (!isRecord(value)) return null;
  if (isRecord(value.init)) {
    const { dataDir, appVersion } = value.init;
    if (typeof dataDir === 'string' && typeof appVersion === 'string') return { init: { dataDir, appVersion } };
    return null;
  }
  if (value.shutdown === true) return { shutdown: true };
  if (typeof value.id === 'number' && typeof value.method === 'string') {
    return { id: value.id, method: value.method, input: value.input };
  }
  return null;
}

/** Parses what main receives from the host. */
export function parseFromHost(value: unknown): FromHost | null {
  if (!isRecord(value)) return null;
  if (value.ready === true) return { ready: true };
  if (isRecord(value.fatal) && typeof value.fatal.code === 'string' && typeof value.fatal.message === 'string') {
    return { fatal: value.fatal as unknown as ApiError };
  }
  if (typeof value.id === 'number' && isRecord(value.result) && typeof value.result.ok === 'boolean') {
    return { id: value.id, result: value.result as Result<unknown> };
  }
  if (typeof value.event === 'string' && 'payload' in value) return value as unknown as PushMessage;
  return null;
}
