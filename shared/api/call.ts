import type { Input, MethodName, Output } from './contract';
import type { Result } from './errors';
import type { PushEventName, PushEvents } from './events';

/** The one call signature every transport implements (IPC, HTTP on loopback, in-process). */
export type CallFn = <M extends MethodName>(method: M, input: Input<M>) => Promise<Result<Output<M>>>;

export type Unsubscribe = () => void;
export type SubscribeFn = <E extends PushEventName>(event: E, listener: (payload: PushEvents[E]) => void) => Unsubscribe;

/** What the preload bridge (and the browser shell's client) expose to the renderer: nothing else. */
export interface WindowApi {
  call: CallFn;
  subscribe: SubscribeFn;
}
