import type { CallFn, SubscribeFn, WindowApi } from '../../../shared/api/call';
import type { ApiError, Result } from '../../../shared/api/errors';
import type { PushEventName, PushMessage } from '../../../shared/api/events';

/**
 * The browser shell's client: the same `WindowApi` over HTTP on loopback.
 * `POST /api/call` (JSON) returns the `Result` JSON; pushes arrive as Server-Sent Events from
 * `GET /api/events`. Both carry the session cookie, which the page itself never sees.
 */
export function createHttpApi(base = ''): WindowApi {
  const call: CallFn = async (method, input) => {
    let response: Response;
    try {
      response = await fetch(`${base}/api/call`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ method, input }),
        credentials: 'same-origin',
        cache: 'no-store',
      });
    } catch {
      return transportError('Il programma non risponde. Controllare che CST Desk sia ancora aperto e riprovare.');
    }
    try {
      const body: unknown = await response.json();
      if (isResult(body)) return body as never;
    } catch {
      // falls through: not JSON (a proxy page, a crash)
    }
    return transportError(`Risposta non valida dal programma (HTTP ${response.status}). Riprovare.`);
  };

  const listeners = new Map<PushEventName, Set<(payload: never) => void>>();
  let source: EventSource | null = null;

  const ensureSource = () => {
    if (source || typeof EventSource === 'undefined') return;
    source = new EventSource(`${base}/api/events`);
    source.onmessage = (message: MessageEvent<string>) => {
      let parsed: PushMessage;
      try {
        parsed = JSON.parse(message.data) as PushMessage;
      } catch {
        return;
      }
      for (const listener of listeners.get(parsed.event) ?? []) listener(parsed.payload as never);
    };
  };

  const subscribe: SubscribeFn = (event, listener) => {
    ensureSource();
    let set = listeners.get(event);
    if (!set) listeners.set(event, (set = new Set()));
    const entry = listener as (payload: never) => void;
    set.add(entry);
    return () => {
      set.delete(entry);
      const empty = [...listeners.values()].every((s) => s.size === 0);
      if (empty && source) {
        source.close();
        source = null;
      }
    };
  };

  return { call, subscribe };
}

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  const v = value as { ok: unknown; error?: unknown };
  if (v.ok === true) return 'value' in v;
  return v.ok === false && typeof v.error === 'object' && v.error !== null;
}

function transportError(message: string): { ok: false; error: ApiError } {
  return { ok: false, error: { code: 'E_IO', message } };
}
