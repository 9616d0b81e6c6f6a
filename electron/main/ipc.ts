import { ipcMain } from 'electron';
import type { ApiError, Result } from '../../shared/api/errors';
import type { PushMessage } from '../../shared/api/events';
import { IPC_CALL, IPC_EVENT } from '../preload/channels';
import { isSameOrigin } from './app-origin';
import type { BackendClient } from './backend-client';
import { shellMessages } from './messages';

/** The parts of WebFrameMain / IpcMainInvokeEvent / BrowserWindow the check reads. */
export interface FrameLike {
  readonly url: string;
  readonly parent: unknown;
  readonly processId: number;
  readonly routingId: number;
  readonly detached?: boolean;
}
export interface SenderEventLike {
  readonly senderFrame: FrameLike | null;
  readonly sender: { readonly id: number };
}
export interface WindowLike {
  isDestroyed(): boolean;
  readonly webContents: { readonly id: number; readonly mainFrame: FrameLike; send(channel: string, ...args: unknown[]): void };
}

/**
 * A call is served only if it comes from the top frame of our own window, currently showing
 * our own origin. `senderFrame` is null when the frame navigated or was destroyed while the
 * message was in flight: refused. An iframe (parent not null) is refused even if same-origin,
 * since the app has no legitimate iframes. WebContents and frames are compared by id, not by
 * object identity, because Electron may hand out distinct wrappers for the same frame.
 */
export function isTrustedSender(event: SenderEventLike, window: WindowLike | null, appOrigin: string): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.detached || !window || window.isDestroyed()) return false;
  if (event.sender.id !== window.webContents.id) return false;
  if (frame.parent !== null) return false;
  const top = window.webContents.mainFrame;
  if (frame.processId !== top.processId || frame.routingId !== top.routingId) return false;
  return isSameOrigin(frame.url, appOrigin);
}

/**
 * A refused call answers with a value like every other failure, not a thrown error (which
 * Electron would serialize into an unhelpful string). The contract has no "forbidden" code,
 * and a refusal can only mean a bug or an attack, so it is E_INTERNAL.
 */
export const refusedResult: { ok: false; error: ApiError } = {
  ok: false,
  error: { code: 'E_INTERNAL', message: shellMessages.senderRefused },
};

export interface IpcWiring {
  client: Pick<BackendClient, 'call' | 'onEvent'>;
  getWindow: () => WindowLike | null;
  appOrigin: string;
  log?: (message: string) => void;
}

export async function handleCall(wiring: IpcWiring, event: SenderEventLike, method: unknown, input: unknown): Promise<Result<unknown>> {
  if (!isTrustedSender(event, wiring.getWindow(), wiring.appOrigin)) {
    wiring.log?.(`cst:call refused from ${event.senderFrame?.url ?? 'a destroyed frame'}`);
    return refusedResult;
  }
  if (typeof method !== 'string' || method.length === 0 || method.length > 100) {
    return { ok: false, error: { code: 'E_VALIDATION', message: shellMessages.badRequest } };
  }
  return wiring.client.call(method, input);
}

/** Wires `cst:call` to the backend and forwards its push events on `cst:event`. Returns an unwire. */
export function registerIpc(wiring: IpcWiring): () => void {
  ipcMain.handle(IPC_CALL, (event, method: unknown, input: unknown) => handleCall(wiring, event, method, input));
  const stopEvents = wiring.client.onEvent((message) => forwardPushEvent(wiring, message));
  return () => {
    ipcMain.removeHandler(IPC_CALL);
    stopEvents();
  };
}

/** Events go only to our window, and only while it shows our origin. */
export function forwardPushEvent(wiring: Pick<IpcWiring, 'getWindow' | 'appOrigin'>, message: PushMessage): void {
  const window = wiring.getWindow();
  if (!window || window.isDestroyed()) return;
  if (!isSameOrigin(window.webContents.mainFrame.url, wiring.appOrigin)) return;
  window.webContents.send(IPC_EVENT, message);
}
