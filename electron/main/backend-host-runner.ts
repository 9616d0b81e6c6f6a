import { ERROR_CODES, type ApiError, type ErrorCode, type Result } from '../../shared/api/errors';
import type { PushMessage } from '../../shared/api/events';
import { parseToHost, type FromHost, type HostInit } from './host-messages';

/** What the host needs of the core's Backend (structural, so this file never loads the store). */
export interface HostedBackend {
  dispatch(method: string, input: unknown, caller: 'window' | 'local'): Promise<Result<unknown>>;
  subscribe(listener: (message: PushMessage) => void): () => void;
  /** May wait (a background store check being stopped): the host exits once it settles. */
  close(): void | Promise<void>;
}

export type OpenHostedBackend = (options: HostInit) => HostedBackend;

/** The part of Electron's `process.parentPort` the host uses (a fake in tests). */
export interface HostPort {
  on(event: 'message', listener: (messageEvent: { data: unknown }) => void): unknown;
  postMessage(message: FromHost): void;
}

const INTERNAL_MESSAGE =
  'Errore interno imprevisto: nessun dato è stato modificato. Riprovare; se si ripete, contattare il consorzio.';

/**
 * Runs the backend inside the utility process: waits for `init`, opens the data directory,
 * then answers calls one message at a time. A failure to open is reported once as `fatal`
 * (the AppError's code and Italian message, read by shape so no class crosses the boundary);
 * main shows it, kills this process and quits.
 */
export function runBackendHost(port: HostPort, open: OpenHostedBackend, exit: (code: number) => void): void {
  let backend: HostedBackend | null = null;
  let unsubscribe: (() => void) | null = null;

  port.on('message', ({ data }) => {
    const message = parseToHost(data);
    if (!message) return;
    if ('init' in message) {
      if (backend) return;
      try {
        backend = open(message.init);
      } catch (err) {
        // No exit here: a message posted just before process.exit may be lost; main kills us.
        port.postMessage({ fatal: toApiError(err) });
        return;
      }
      unsubscribe = backend.subscribe((push) => port.postMessage(push));
      port.postMessage({ ready: true });
      return;
    }
    if ('shutdown' in message) {
      unsubscribe?.();
      let closing: void | Promise<void>;
      try {
        closing = backend?.close();
      } catch {
        exit(0);
        return;
      }
      // A background store check being stopped: exit once the store has closed after it.
      if (closing instanceof Promise) void closing.finally(() => exit(0));
      else exit(0);
      return;
    }
    const { id, method, input } = message;
    const fromMain = 'fromMain' in message && message.fromMain === true;
    if (!backend) {
      port.postMessage({ id, result: { ok: false, error: { code: 'E_INTERNAL', message: INTERNAL_MESSAGE } } });
      return;
    }
    // A call here comes from the renderer, and a local path in its input is refused; only main's
    // own call (a path it got from its own dialog) is local. The dispatcher already turns every
    // failure into a value; the catch is for a broken core.
    backend.dispatch(method, input, fromMain ? 'local' : 'window').then(
      (result) => port.postMessage({ id, result }),
      (err: unknown) => port.postMessage({ id, result: { ok: false, error: toApiError(err) } }),
    );
  });
}

/** An AppError (or anything shaped like one) keeps its code and message; anything else is E_INTERNAL. */
export function toApiError(err: unknown): ApiError {
  if (typeof err === 'object' && err !== null) {
    const { code, message } = err as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code) && typeof message === 'string') {
      return { code: code as ErrorCode, message };
    }
  }
  return { code: 'E_INTERNAL', message: INTERNAL_MESSAGE };
}
