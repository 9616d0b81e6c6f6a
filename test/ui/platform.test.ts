import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WindowApi } from '../../shared/api/call';
import { connectPlatform } from '../../renderer/src/platform/api';
import { createHttpApi } from '../../renderer/src/platform/http-api';
import { base64ToBytes } from '../../renderer/src/platform/save-file';

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

  it('in the browser shell: the HTTP client when the launch address set the marker, the key never in the page', async () => {
    const port = window.location.port;
    document.cookie = `cst-desk-open-${port}=1; path=/`;
    const fetchMock = vi.fn(async () => jsonResponse(200, { ok: true, value: { version: '0.1.0' } }));
    vi.stubGlobal('fetch', fetchMock);
    try {
      const platform = connectPlatform();
      expect(platform.kind).toBe('browser');
      if (platform.kind !== 'browser') throw new Error('unreachable');
      const result = await platform.api.call('app.status', {});
      expect(result).toEqual({ ok: true, value: { version: '0.1.0' } });
      const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
      expect(url).toBe('/api/call');
      expect(init.method).toBe('POST');
      // The session key travels in the HttpOnly cookie: no header, nothing kept by the page.
      expect(init.credentials).toBe('same-origin');
      expect(init.headers).toEqual({ 'Content-Type': 'application/json' });
      expect(JSON.parse(init.body as string)).toEqual({ method: 'app.status', input: {} });
      expect(window.sessionStorage.length).toBe(0);
    } finally {
      document.cookie = `cst-desk-open-${port}=; path=/; max-age=0`;
    }
  });

  it('says how to get in when opened without the launch address (or by another shell’s marker)', () => {
    expect(connectPlatform().kind).toBe('no-access');
    const other = `cst-desk-open-${Number(window.location.port || 80) + 1}`;
    document.cookie = `${other}=1; path=/`;
    try {
      expect(connectPlatform().kind).toBe('no-access');
    } finally {
      document.cookie = `${other}=; path=/; max-age=0`;
    }
  });
});

describe('platform: HTTP client', () => {
  it('passes the backend’s refusal through as a value', async () => {
    const error = { code: 'E_VALIDATION', message: 'Campo «operator»: Questo campo è obbligatorio.', field: 'operator' };
    vi.stubGlobal('fetch', vi.fn(async () => jsonResponse(200, { ok: false, error })));
    const result = await createHttpApi().call('setup.municipality', { istat: '041067', operator: '' });
    expect(result).toEqual({ ok: false, error });
  });

  it('turns a refused session (401 with a Result) into that Result', async () => {
    const body = { ok: false, error: { code: 'E_VALIDATION', message: 'Richiesta rifiutata: chiave di sessione mancante o errata.' } };
    vi.stubGlobal('fetch', vi.fn(async () => jsonResponse(401, body)));
    expect(await createHttpApi().call('app.status', {})).toEqual(body);
  });

  it('turns a dead server or a non-JSON answer into an E_IO value, never a throw', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    const down = await createHttpApi().call('app.status', {});
    expect(down.ok === false && down.error.code).toBe('E_IO');

    vi.stubGlobal('fetch', vi.fn(async () => new Response('<html>', { status: 502 })));
    const garbled = await createHttpApi().call('app.status', {});
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
    const api = createHttpApi();
    const got: unknown[] = [];
    const off = api.subscribe('task.progress', (p) => got.push(p));
    expect(sources).toHaveLength(1);
    expect(sources[0]?.url).toBe('/api/events');

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
