import { useCallback, useEffect, useRef, useState } from 'react';
import type { Input, MethodName, Output } from '../../../shared/api/contract';
import type { ApiError } from '../../../shared/api/errors';
import { useApi } from './api-context';
import { useReceivedData } from './received-data';

export type QueryState<T> =
  | { state: 'loading'; data: T | undefined; error: undefined }
  | { state: 'ok'; data: T; error: undefined }
  | { state: 'error'; data: T | undefined; error: ApiError };

export interface QueryOptions {
  /**
   * Not read again when the sync applied data: for a form filled from the answer (the hub's
   * governance settings), which a reading would reset under the clerk's hands, and which
   * nothing received can change.
   */
  keepOnReceived?: boolean;
}

/**
 * Server data for a screen: fetched through the API on mount and on `reload()` (call it after a
 * mutation, or change `refreshKey`: a feature store's counter bumped on every save), and when
 * data arrived by itself (received-data.ts: a network sync applied something). A late answer
 * to an older request never overwrites a newer one.
 */
export function useApiQuery<M extends MethodName>(method: M, input: Input<M>, refreshKey: number = 0, options: QueryOptions = {}): QueryState<Output<M>> & { reload: () => void } {
  const api = useApi();
  const [result, setResult] = useState<QueryState<Output<M>>>({ state: 'loading', data: undefined, error: undefined });
  const [version, setVersion] = useState(0);
  const requestId = useRef(0);
  const inputKey = JSON.stringify(input);
  const received = useReceivedData((s) => (options.keepOnReceived ? 0 : s.version));

  useEffect(() => {
    const id = ++requestId.current;
    let cancelled = false;
    setResult((r) => ({ state: 'loading', data: r.data, error: undefined }));
    void api.call(method, JSON.parse(inputKey) as Input<M>).then((res) => {
      if (cancelled || id !== requestId.current) return;
      setResult(
        res.ok
          ? { state: 'ok', data: res.value, error: undefined }
          : (r) => ({ state: 'error', data: r.data, error: res.error }),
      );
    });
    return () => {
      cancelled = true;
    };
  }, [api, method, inputKey, version, refreshKey, received]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { ...result, reload };
}
