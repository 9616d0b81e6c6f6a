import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WindowApi } from '../../shared/api/call';
import { connectPlatform } from '../../renderer/src/platform/api';
import { createHttpApi } from '../../renderer/src/platform/http-api';
import { base64ToBytes } from '../../renderer/src/platform/save-file';

const SECRET = 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718';

afterEach(() => {
  vi.unstubAllGlobals();
  delete window.cstApi;
});

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

describe('platform: which WindowApi', () => {
  it('uses the preload’s window.cstApi in Electron', () => {
    const bridge: WindowApi = { call: vi.fn(), subscribe: vi.fn() } as unknown as WindowApi;
    window.cstApi = bridge;
    const platform = connectPlatform();
    expect(platform.kind).toBe('electron');
    expect(platform.kind === 'electron' && platform.api).toBe(bridge);
  });

  it('takes the secret from #secret=…, removes it from the address bar and sends it as a header', async () => {
    window.history.replaceState(null, '', `/#secret=${SECRET}`);
    const fetchMock = vi.fn(async () => jsonResponse(200, { ok: true, value: { version: '0.1.0' } }));
    vi.stubGlobal('fetch', fetchMock);

    const platform = connectPlatform();
    expect(platform.kind).toBe('browser');
    expect(window.location.hash).toBe('#/');
    expect(window.location.href).not.toContain(SECRET);

    if (platform.kind !== 'browser') throw new Error('unreachable');
    const result = await platform.api.call('app.status', {});
    expect(result).toEqual({ ok: true, value: { version: '0.1.0' } });
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/call');
    expect(init.method).toBe('POST');
    expect((init.headers as Record<string, string>)['X-CST-Secret']).toBe(SECRET);
    expect(JSON.parse(init.body as string)).toEqual({ method: 'app.status', input: {} });

    // The secret stays in memory: the next connection (same page) still has it.
    expect(connectPlatform().kind).toBe('browser');
  });

  it('keeps working after a reload (F5): the secret is kept in sessionStorage for the tab', async () => {
    window.history.replaceState(null, '', `/#secret=${SECRET}`);
    connectPlatform();
    expect(window.sessionStorage.getItem('cst-desk.secret')).toBe(SECRET);
    // A reload: a fresh module (nothing in memory), an address without the secret.
    vi.resetModules();
    window.history.replaceState(null, '', '/#/usage');
    const fresh = await import('../../renderer/src/platform/api');
    const fetchMock = vi.fn(async () => jsonResponse(200, { ok: true, value: {} }));
    vi.stubGlobal('fetch', fetchMock);
    const platform = fresh.connectPlatform();
    expect(platform.kind).toBe('browser');
    if (platform.kind !== 'browser') throw new Error('unreachable');
    await platform.api.call('app.status', {});
    const [, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect((init.headers as Record<string, string>)['X-CST-Secret']).toBe(SECRET);
    expect(window.location.hash).toBe('#/usage');
    window.sessionStorage.clear();
    vi.resetModules();
    expect((await import('../../renderer/src/platform/api')).connectPlatform().kind).toBe('no-access');
  });
});

describe('platform: HTTP client', () => {
  it('passes the backend’s refusal through as a value', async () => {
    const error = { code: 'E_VALIDATION', message: 'Campo «operator»: Questo campo è obbligatorio.', field: 'operator' };
    vi.stubGlobal('fetch', vi.fn(async () => jsonResponse(200, { ok: false, error })));
    const result = await createHttpApi(SECRET).call('setup.municipality', { istat: '041067', operator: '' });
    expect(result).toEqual({ ok: false, error });
  });

  it('turns a refused secret (401 with a Result) into that Result', async () => {
    const body = { ok: false, error: { code: 'E_VALIDATION', message: 'Richiesta rifiutata: chiave di sessione mancante o errata.' } };
    vi.stubGlobal('fetch', vi.fn(async () => jsonResponse(401, body)));
    expect(await createHttpApi('bad').call('app.status', {})).toEqual(body);
  });

  it('turns a dead server or a non-JSON answer into an E_IO value, never a throw', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    const down = await createHttpApi(SECRET).call('app.status', {});
    expect(down.ok === false && down.error.code).toBe('E_IO');

    vi.stubGlobal('fetch', vi.fn(async () => new Response('<html>', { status: 502 })));
    const garbled = await createHttpApi(SECRET).call('app.status', {});
    expect(garbled.ok === false && garbled.error.message).toContain('HTTP 502');
  });

  it('delivers Server-Sent Events to the subscribers of that event only', () => {
    const sources: FakeEventSource[] = [];
    class FakeEventSource {
      onmessage: ((e: MessageEvent<string>) => void) | null = null;
      closed = false;
      constructor(readonly url: string) {
        sources.push(this);
      }
      close() {
        this.closed = true;
      }
    }
    vi.stubGlobal('EventSource', FakeEventSource);
    const api = createHttpApi(SECRET);
    const got: unknown[] = [];
    const off = api.subscribe('task.progress', (p) => got.push(p));
    expect(sources).toHaveLength(1);
    expect(sources[0]?.url).toBe(`/api/events?secret=${SECRET}`);

    const payload = { taskId: 't1', label: 'Importazione', done: 1, total: 3 };
    sources[0]?.onmessage?.(new MessageEvent('message', { data: JSON.stringify({ event: 'task.progress', payload }) }));
    sources[0]?.onmessage?.(new MessageEvent('message', { data: 'not json' }));
    sources[0]?.onmessage?.(new MessageEvent('message', { data: JSON.stringify({ event: 'other', payload: 1 }) }));
    expect(got).toEqual([payload]);

    off();
    expect(sources[0]?.closed).toBe(true);
  });
});

describe('platform: saving files', () => {
  it('decodes base64 to the exact bytes', () => {
    expect([...base64ToBytes(btoa('PK\u0003\u0004'))]).toEqual([0x50, 0x4b, 3, 4]);
  });
});
