import type { ApiError, Result } from '../../shared/api/errors';
import type { PushMessage } from '../../shared/api/events';
import { parseFromHost, type HostInit, type ToHost } from './host-messages';
import { shellMessages } from './messages';

/** The part of Electron's UtilityProcess the client uses (Electron's class satisfies it; tests pass a fake). */
export interface HostProcess {
  postMessage(message: ToHost): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}

export interface BackendClient {
  /** Sends `init` and settles once: ok when the data dir is open, the core's error otherwise. */
  start(init: HostInit): Promise<Result<null>>;
  /** Never rejects: a dead or missing host becomes `{ ok: false, error: { code: 'E_INTERNAL' } }`. */
  call(method: string, input: unknown): Promise<Result<unknown>>;
  /**
   * Main's own call, trusted with a local path (one main itself chose with its dialog); never
   * for what the renderer sends, which goes through `call`.
   */
  callFromMain(method: string, input: unknown): Promise<Result<unknown>>;
  onEvent(listener: (message: PushMessage) => void): () => void;
  /** Called if the host dies after a successful start and before `close()`. */
  onUnexpectedExit(listener: (code: number) => void): void;
  /** Asks the host to close the store cleanly; kills it if it has not exited within `timeoutMs`. */
  close(timeoutMs?: number): Promise<void>;
}

function internal(message: string): { ok: false; error: ApiError } {
  return { ok: false, error: { code: 'E_INTERNAL', message } };
}

/**
 * Correlates requests and responses with the backend utility process by a numeric id.
 * Every pending call is settled exactly once: by its response, or with E_INTERNAL when the
 * process exits, so an `ipcMain.handle` awaiting it never hangs and never throws.
 */
export function createBackendClient(child: HostProcess): BackendClient {
  const pending = new Map<number, (result: Result<unknown>) => void>();
  const eventListeners = new Set<(message: PushMessage) => void>();
  const exitListeners = new Set<(code: number) => void>();
  let nextId = 1;
  let state: 'new' | 'starting' | 'ready' | 'failed' | 'closing' | 'exited' = 'new';
  let settleStart: ((result: Result<null>) => void) | null = null;
  let markExited: () => void = () => {};
  const exited = new Promise<void>((resolve) => {
    markExited = resolve;
  });
  let closing: Promise<void> | null = null;

  child.on('message', (raw) => {
    const message = parseFromHost(raw);
    if (!message) return;
    if ('ready' in message) {
      if (state === 'starting') state = 'ready';
      settleStart?.({ ok: true, value: null });
      settleStart = null;
    } else if ('fatal' in message) {
      state = 'failed';
      settleStart?.({ ok: false, error: message.fatal });
      settleStart = null;
      child.kill();
    } else if ('id' in message) {
      const resolve = pending.get(message.id);
      pending.delete(message.id);
      resolve?.(message.result);
    } else {
      for (const listener of eventListeners) listener(message);
    }
  });

  child.on('exit', (code) => {
    const wasReady = state === 'ready';
    state = 'exited';
    settleStart?.(internal(shellMessages.backendStartFailed));
    settleStart = null;
    for (const resolve of pending.values()) resolve(internal(shellMessages.backendUnavailable));
    pending.clear();
    markExited();
    if (wasReady) for (const listener of exitListeners) listener(code);
  });

  const send = (message: { id: number; method: string; input: unknown; fromMain?: true }): Promise<Result<unknown>> => {
    if (state !== 'ready') return Promise.resolve(internal(shellMessages.backendUnavailable));
    return new Promise((resolve) => {
      pending.set(message.id, resolve);
      child.postMessage(message);
    });
  };

  return {
    start(init) {
      if (state !== 'new') return Promise.resolve(internal(shellMessages.backendStartFailed));
      state = 'starting';
      return new Promise((resolve) => {
        settleStart = resolve;
        child.postMessage({ init });
      });
    },
    call(method, input) {
      return send({ id: nextId++, method, input });
    },
    callFromMain(method, input) {
      return send({ id: nextId++, method, input, fromMain: true });
    },
    onEvent(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    onUnexpectedExit(listener) {
      exitListeners.add(listener);
    },
    close(timeoutMs = 3000) {
      if (state === 'exited') return Promise.resolve();
      closing ??= (async () => {
        // A clean shutdown lets SQLite checkpoint the WAL; a kill is only the fallback.
        if (state === 'ready') child.postMessage({ shutdown: true });
        else child.kill();
        state = 'closing';
        let timer: ReturnType<typeof setTimeout> | undefined;
        const timedOut = new Promise<'timeout'>((resolve) => {
          timer = setTimeout(() => resolve('timeout'), timeoutMs);
        });
        const outcome = await Promise.race([exited, timedOut]);
        clearTimeout(timer);
        if (outcome === 'timeout') child.kill();
      })();
      return closing;
    },
  };
}
