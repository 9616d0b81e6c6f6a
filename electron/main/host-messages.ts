import type { ApiError, Result } from '../../shared/api/errors';
import type { PushMessage } from '../../shared/api/events';

/**
 * The wire protocol between the main process and the backend utility process
 * (`process.parentPort` on one side, `UtilityProcess.postMessage` on the other).
 * Every message is a plain, structured-clonable object; errors travel as values.
 *
 *   main → host   { init: { dataDir, appVersion } }   once, first
 *                 { id, method, input }                a call from the window (a local path in it is refused)
 *                 { id, method, input, fromMain: true } main's own call, made after its own dialog
 *                                                      (the shared folder chosen: sync-folder.ts)
 *                 { shutdown: true }                   close the store and exit
 *   host → main   { ready: true }                      the data dir is open
 *                 { fatal: { code, message } }         it could not be opened (main then kills it)
 *                 { id, result }                       the Result of call `id`
 *                 { event, payload }                   a push event (PushMessage)
 *
 * And the other way round, for what only main can do (pdf-print.ts, host-print-client.ts):
 *   host → main   { print: { id, html } }              print this report to PDF (printToPDF)
 *   main → host   { printed: { id, result } }          its Result: the PDF bytes (Uint8Array) or an error
 * These are nested under their own key, so neither side's parser above mistakes them for a call.
 */
export interface HostInit {
  dataDir: string;
  appVersion: string;
}

export type ToHost = { init: HostInit } | { id: number; method: string; input: unknown; fromMain?: true } | { shutdown: true };

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
    return { id: value.id, method: value.method, input: value.input, ...(value.fromMain === true ? { fromMain: true as const } : {}) };
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

export interface PrintRequest {
  print: { id: number; html: string };
}

export interface PrintReply {
  printed: { id: number; result: Result<Uint8Array> };
}

/** Parses a print request main receives from the host; anything else is null. */
export function parsePrintRequest(value: unknown): PrintRequest | null {
  if (!isRecord(value) || !isRecord(value.print)) return null;
  const { id, html } = value.print;
  return typeof id === 'number' && typeof html === 'string' ? { print: { id, html } } : null;
}

/** Parses main's answer to a print request, as the host receives it. */
export function parsePrintReply(value: unknown): PrintReply | null {
  if (!isRecord(value) || !isRecord(value.printed)) return null;
  const { id, result } = value.printed;
  if (typeof id !== 'number' || !isRecord(result)) return null;
  if (result.ok === true && result.value instanceof Uint8Array) return { printed: { id, result: { ok: true, value: result.value } } };
  if (result.ok === false && isRecord(result.error) && typeof result.error.code === 'string' && typeof result.error.message === 'string') {
    return { printed: { id, result: { ok: false, error: result.error as unknown as ApiError } } };
  }
  return null;
}
