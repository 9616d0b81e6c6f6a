import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, appScheme, createAppFileHandler, mimeTypeOf, resolveAppPath } from '../../electron/main/app-protocol';

let base: string;
let root: string;

beforeAll(() => {
  base = mkdtempSync(path.join(tmpdir(), 'cst-protocol-'));
  root = path.join(base, 'renderer');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>CST Desk</title>');
  writeFileSync(path.join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(path.join(root, 'assets', 'index-abc.css'), 'body{}');
  writeFileSync(path.join(root, 'assets', 'titillium.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
  // Outside the served root: must never be reachable.
  writeFileSync(path.join(base, 'secret.txt'), 'chiave segreta');
  mkdirSync(path.join(base, 'renderer-evil'));
  writeFileSync(path.join(base, 'renderer-evil', 'x.js'), 'evil');
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => createAppFileHandler(root)(new Request(url, { method }));

describe('app:// protocol', () => {
  it('is registered as a standard, secure scheme', () => {
    expect(appScheme).toMatchObject({ scheme: 'app', privileges: { standard: true, secure: true } });
    expect(appScheme.privileges?.bypassCSP).toBeFalsy();
    expect(appScheme.privileges?.corsEnabled).toBeFalsy();
  });

  it('serves index.html with the CSP header and HTML type', async () => {
    for (const url of ['app://cst/index.html', 'app://cst/']) {
      const res = await get(url);
      expect(res.status, url).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await res.text()).toContain('<title>CST Desk</title>');
    }
  });

  it('has exactly the agreed CSP', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; font-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
  });

  it('serves assets with their MIME types', async () => {
    const js = await get('app://cst/assets/index-abc.js');
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toBe('console.log(1)');
    expect((await get('app://cst/assets/index-abc.css')).headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect((await get('app://cst/assets/titillium.woff2')).headers.get('content-type')).toBe('font/woff2');
    expect(mimeTypeOf('x.svg')).toBe('image/svg+xml');
    expect(mimeTypeOf('x.PNG')).toBe('image/png');
    expect(mimeTypeOf('x.unknown')).toBe('application/octet-stream');
  });

  it('refuses path traversal in every spelling', async () => {
    // Encoded separators, backslashes, NUL and bad escapes are refused outright.
    const refused = [
      'app://cst/..%2fsecret.txt',
      'app://cst/%2e%2e%2fsecret.txt',
      'app://cst/assets/..%2f..%2fsecret.txt',
      'app://cst/..%5csecret.txt',
      'app://cst/%2e%2e%5csecret.txt',
      'app://cst/..%2frenderer-evil/x.js',
      'app://cst/%00index.html',
      'app://cst/%E0%A4%A',
    ];
    for (const url of refused) {
      expect(resolveAppPath(root, url), url).toBeNull();
      const res = await get(url);
      expect(res.status, url).toBe(404);
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
    // Literal and %2e-encoded dot segments are folded by the URL parser: they stay inside the root.
    const folded = ['app://cst/../../secret.txt', 'app://cst/%2e%2e/secret.txt', 'app://cst/.%2e/.%2e/secret.txt', 'app://cst/../renderer-evil/x.js'];
    for (const url of folded) {
      const resolved = resolveAppPath(root, url);
      expect(resolved === null || !path.relative(root, resolved).startsWith('..'), url).toBe(true);
    }
    for (const url of [...refused, ...folded]) {
      const body = await (await get(url)).text();
      expect(body, url).not.toContain('segreta');
      expect(body, url).not.toBe('evil');
    }
  });

  it('serves nothing for another host or scheme', async () => {
    expect(resolveAppPath(root, 'app://evil/index.html')).toBeNull();
    expect(resolveAppPath(root, 'file:///etc/passwd')).toBeNull();
    expect((await get('app://evil/index.html')).status).toBe(404);
  });

  it('falls back to index.html for client-side routes, but not for missing assets', async () => {
    const route = await get('app://cst/usage/new');
    expect(route.status).toBe(200);
    expect(route.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect((await get('app://cst/assets/missing.js')).status).toBe(404);
    expect((await get('app://cst/assets')).status).toBe(200);
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await get('app://cst/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await get('app://cst/index.html', 'POST')).status).toBe(405);
  });
});
