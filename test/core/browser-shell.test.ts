import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startBrowserShell, type BrowserShell } from '../../electron/server/browser-shell';
import { BODY_TOO_LARGE_MESSAGE, MAX_BODY_BYTES } from '../../electron/server/http-api';
import { openTestBackend } from '../helpers/backend';
import { tempDir } from '../helpers/temp-dir';

const shells: BrowserShell[] = [];
afterEach(async () => {
  for (const s of shells.splice(0)) await s.close();
});

async function start() {
  const t = openTestBackend();
  const outer = tempDir();
  const rendererDir = join(outer, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>CST Desk</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(outer, 'secret.txt'), 'no');
  const shell = await startBrowserShell({ backend: t.backend, rendererDir });
  shells.push(shell);
  return shell;
}

/** A raw HTTP request, so the test controls Host and Origin exactly. */
function send(port: number, options: { method?: string; path: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

function callBody(method: string, input: unknown = {}) {
  return JSON.stringify({ method, input });
}

describe('browser shell on loopback', () => {
  it('listens on 127.0.0.1; its address carries a one-time code, never the session key', async () => {
    const shell = await start();
    expect(shell.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/open\?code=[0-9a-f]{48}$/);
    expect(shell.url).not.toContain(shell.secret);
    expect(shell.server.address()).toMatchObject({ address: '127.0.0.1' });
  });

  it('exchanges a launch code once for an HttpOnly, SameSite=Strict cookie; a second use gets nothing', async () => {
    const shell = await start();
    const host = { host: `127.0.0.1:${shell.port}` };
    const path = new URL(shell.url).pathname + new URL(shell.url).search;
    const first = await send(shell.port, { path, headers: host });
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/');
    const cookies = first.headers['set-cookie'] as string[];
    expect(cookies).toEqual([
      `cst-desk-session-${shell.port}=${shell.secret}; Path=/; HttpOnly; SameSite=Strict`,
      `cst-desk-open-${shell.port}=1; Path=/; SameSite=Strict`,
    ]);
    // Whoever read the address in the process list comes too late.
    const again = await send(shell.port, { path, headers: host });
    expect(again.status).toBe(303);
    expect(again.headers['set-cookie']).toBeUndefined();
    expect((await send(shell.port, { path: '/open?code=' + 'a'.repeat(48), headers: host })).headers['set-cookie']).toBeUndefined();
    // Each new window gets its own code, and the cookie opens the API.
    const other = new URL(shell.newLaunchUrl());
    expect(other.search).not.toBe(new URL(shell.url).search);
    const cookie = { cookie: `cst-desk-session-${shell.port}=${shell.secret}` };
    const r = await send(shell.port, { method: 'POST', path: '/api/call', headers: { ...host, ...cookie, 'content-type': 'application/json' }, body: callBody('app.status') });
    expect(r.status).toBe(200);
    // A cookie-only call must be JSON: a form posted by another page on 127.0.0.1 is refused.
    const form = await send(shell.port, { method: 'POST', path: '/api/call', headers: { ...host, ...cookie, 'content-type': 'text/plain' }, body: callBody('app.status') });
    expect(form.status).toBe(401);
    // The code itself opens nothing.
    const codeAsKey = await send(shell.port, { method: 'POST', path: '/api/call', headers: { ...host, 'x-cst-secret': new URL(shell.url).searchParams.get('code')!, 'content-type': 'application/json' }, body: callBody('app.status') });
    expect(codeAsKey.status).toBe(401);
  });

  it('answers an API call carrying the per-launch secret', async () => {
    const shell = await start();
    const r = await send(shell.port, {
      method: 'POST',
      path: '/api/call',
      headers: { host: `127.0.0.1:${shell.port}`, 'x-cst-secret': shell.secret, 'content-type': 'application/json' },
      body: callBody('app.status'),
    });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, value: { installation: null, locale: 'it' } });
  });

  it('returns validation errors as values naming the field', async () => {
    const shell = await start();
    const r = await send(shell.port, {
      method: 'POST',
      path: '/api/call',
      headers: { host: `127.0.0.1:${shell.port}`, 'x-cst-secret': shell.secret },
      body: callBody('setup.municipality', { istat: 'abc', operator: 'x' }),
    });
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'E_VALIDATION', field: 'istat' } });
  });

  it.each([
    ['no secret', {}],
    ['a wrong secret', { 'x-cst-secret': 'f'.repeat(48) }],
  ])('refuses a call with %s', async (_what, extra) => {
    const shell = await start();
    const r = await send(shell.port, { method: 'POST', path: '/api/call', headers: { host: `127.0.0.1:${shell.port}`, ...extra }, body: callBody('app.status') });
    expect(r.status).toBe(401);
  });

  it('answers a body over the limit with 413 and a message, not a dropped connection', async () => {
    const shell = await start();
    const headers = { host: `127.0.0.1:${shell.port}`, 'x-cst-secret': shell.secret, 'content-type': 'application/json' };
    // Declared too large: refused before a byte of the body is read.
    const declared = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: shell.port, method: 'POST', path: '/api/call', headers: { ...headers, 'content-length': String(MAX_BODY_BYTES + 1) } }, (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.write('{"method":"app.status","input":{"x":"');
    });
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body)).toEqual({ ok: false, error: { code: 'E_LIMIT', message: BODY_TOO_LARGE_MESSAGE, params: { limitMb: 72 } } });
    // Sent in chunks with no length: refused once past the limit, the rest read and thrown away.
    const chunk = Buffer.alloc(4 * 1024 * 1024, 0x61);
    const streamed = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: shell.port, method: 'POST', path: '/api/call', headers: { ...headers, 'transfer-encoding': 'chunked' } }, (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.write('{"method":"app.status","input":{"x":"');
      for (let sent = 0; sent <= MAX_BODY_BYTES; sent += chunk.length) req.write(chunk);
      req.end('"}}');
    });
    expect(streamed.status).toBe(413);
    expect(JSON.parse(streamed.body).error.message).toMatch(/^La richiesta supera il limite di 72 MB/);
    // The shell still answers.
    const after = await send(shell.port, { method: 'POST', path: '/api/call', headers, body: callBody('app.status') });
    expect(after.status).toBe(200);
  });

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin, even with the secret', async () => {
    const shell = await start();
    const foreignHost = await send(shell.port, {
      method: 'POST',
      path: '/api/call',
      headers: { host: `evil.example:${shell.port}`, 'x-cst-secret': shell.secret },
      body: callBody('app.status'),
    });
    expect(foreignHost.status).toBe(403);
    const foreignOrigin = await send(shell.port, {
      method: 'POST',
      path: '/api/call',
      headers: { host: `127.0.0.1:${shell.port}`, origin: 'http://evil.example', 'x-cst-secret': shell.secret },
      body: callBody('app.status'),
    });
    expect(foreignOrigin.status).toBe(403);
    const ownOrigin = await send(shell.port, {
      method: 'POST',
      path: '/api/call',
      headers: { host: `127.0.0.1:${shell.port}`, origin: `http://127.0.0.1:${shell.port}`, 'x-cst-secret': shell.secret },
      body: callBody('app.status'),
    });
    expect(ownOrigin.status).toBe(200);
  });

  it('serves the renderer with the strict CSP and refuses paths outside it', async () => {
    const shell = await start();
    const host = { host: `127.0.0.1:${shell.port}` };
    const index = await send(shell.port, { path: '/', headers: host });
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toMatch(/script-src 'self'; style-src 'self'/);
    expect(index.body).toContain('CST Desk');
    const js = await send(shell.port, { path: '/assets/app.js', headers: host });
    expect(js.headers['content-type']).toMatch(/javascript/);
    const traversal = await send(shell.port, { path: '/assets/..%2f..%2fsecret.txt', headers: host });
    expect([403, 404]).toContain(traversal.status);
    expect(traversal.body).not.toContain('no');
  });

  it('streams push events to a subscriber with the session cookie, and refuses one without', async () => {
    const t = openTestBackend();
    const shell = await startBrowserShell({ backend: t.backend, rendererDir: tempDir() });
    shells.push(shell);
    const host = `127.0.0.1:${shell.port}`;
    expect((await send(shell.port, { path: '/api/events', headers: { host, cookie: `cst-desk-session-${shell.port}=nope` } })).status).toBe(401);
    // The key no longer travels in the address (it would end up in logs and history).
    expect((await send(shell.port, { path: `/api/events?secret=${shell.secret}`, headers: { host } })).status).toBe(401);
    const text = await new Promise<string>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: shell.port, path: '/api/events', headers: { host, cookie: `cst-desk-session-${shell.port}=${shell.secret}` } }, (res) => {
        let body = '';
        res.on('data', (chunk) => {
          body += chunk;
          if (body.includes(': connected')) t.backend.ctx.emit('task.progress', { taskId: 't1', label: 'prova', done: 1, total: 2 });
          if (body.includes('task.progress')) {
            req.destroy();
            resolve(body);
          }
        });
      });
      req.on('error', reject);
      req.end();
    });
    const line = text.split('\n').find((l) => l.startsWith('data: '));
    expect(JSON.parse(line!.slice(6))).toEqual({ event: 'task.progress', payload: { taskId: 't1', label: 'prova', done: 1, total: 2 } });
  });
});
