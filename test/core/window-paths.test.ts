/**
 * Issue 11, item 2: file-system paths are accepted only from the CLI (in process). Through the
 * browser shell's HTTP API every input field declared `localPath()` is refused before the
 * handler runs; the window uses the upload and download variants instead.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { z } from 'zod';
import { afterEach, describe, expect, it } from 'vitest';
import { api, type MethodName } from '../../shared/api/contract';
import { localPathFields, localPathIn } from '../../shared/api/local-paths';
import { LOCAL_PATH_REFUSED } from '../../electron/core/platform/api/dispatcher';
import { startBrowserShell, type BrowserShell } from '../../electron/server/browser-shell';
import type { TestBackend } from '../helpers/backend';
import { tempDir } from '../helpers/temp-dir';
import { openHub, openTown } from '../sync/hub-helpers';

/** Every path-taking input of the contract, as the window must never send it. */
const EXPECTED: Record<string, string[]> = {
  'csv.exportFile': ['out'],
  'bundle.export': ['out', 'dir'],
  'bundle.import': ['files[].path'],
  'bundle.inspect': ['path', 'identityPath'],
  'identity.importMany': ['files[].path'],
  'identity.confirmMany': ['path'],
  'report.pdf': ['out'],
  'tc.meetings.pdf': ['out'],
  'recovery.export': ['out'],
  'recovery.apply': ['path'],
  'sync.configure': ['folder'],
  'federation.forward': ['dir'],
  'federation.import': ['dir'],
  'federation.forwardDown': ['dir'],
};

const shells: BrowserShell[] = [];
afterEach(async () => {
  for (const s of shells.splice(0)) await s.close();
});

async function shellOn(t: TestBackend): Promise<BrowserShell> {
  const shell = await startBrowserShell({ backend: t.backend, rendererDir: tempDir() });
  shells.push(shell);
  return shell;
}

/** POST /api/call as the page does (same origin, the session key). */
function httpCall(shell: BrowserShell, method: string, input: unknown): Promise<{ status: number; body: { ok: boolean; value?: unknown; error?: { code: string; message: string; field?: string } } }> {
  const body = JSON.stringify({ method, input });
  return new Promise((resolve, reject) => {
    const host = `127.0.0.1:${shell.port}`;
    const req = request(
      { host: '127.0.0.1', port: shell.port, method: 'POST', path: '/api/call', headers: { host, origin: `http://${host}`, 'x-cst-secret': shell.secret, 'content-type': 'application/json' } },
      (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Every string field of every input whose name says it is a path or a folder. */
function pathLikeFields(): string[] {
  const found: string[] = [];
  const walk = (node: Record<string, unknown> | undefined, at: string, method: string) => {
    if (!node || typeof node !== 'object') return;
    for (const [key, child] of Object.entries((node.properties ?? {}) as Record<string, Record<string, unknown>>)) {
      // A nullable field is `anyOf: [string, null]` in JSON Schema: still a path when it names one.
      const isString = child.type === 'string' || ((child.anyOf ?? []) as Array<{ type?: string }>).some((a) => a.type === 'string');
      if (isString && /^(out|dir|path|file|folder)$|(Path|Dir|Folder|File)$/.test(key)) found.push(`${method} ${at}${key}`);
      walk(child, `${at}${key}.`, method);
    }
    if (node.items) walk(node.items as Record<string, unknown>, `${at.replace(/\.$/, '')}[].`, method);
    for (const sub of [...((node.anyOf ?? []) as []), ...((node.oneOf ?? []) as [])]) walk(sub, at, method);
  };
  for (const method of Object.keys(api)) walk(z.toJSONSchema(api[method as MethodName].input as z.ZodType, { io: 'input', unrepresentable: 'any' }) as never, '', method);
  return [...new Set(found)].sort();
}

describe('the contract marks every path-taking input', () => {
  it('finds the declared local paths of each method', () => {
    const marked = Object.fromEntries(
      (Object.keys(api) as MethodName[]).map((m) => [m, localPathFields(m).map((f) => f.join('.').replaceAll('.[]', '[]'))] as const).filter(([, f]) => f.length > 0),
    );
    expect(marked).toEqual(EXPECTED);
  });

  it('has no field named like a path that is not declared localPath()', () => {
    const declared = Object.entries(EXPECTED).flatMap(([m, fields]) => fields.map((f) => `${m} ${f}`));
    expect(pathLikeFields()).toEqual(declared.sort());
  });

  it('names the field found in a raw input, inside lists too', () => {
    expect(localPathIn('bundle.import', { files: [{ name: 'a', contentBase64: '' }, { path: '/etc/shadow' }] })).toBe('files[1].path');
    expect(localPathIn('bundle.import', { files: [{ name: 'a', contentBase64: '' }] })).toBeNull();
    expect(localPathIn('bundle.export', { inline: true })).toBeNull();
    expect(localPathIn('bundle.export', { dir: '/home/x' })).toBe('dir');
    expect(localPathIn('app.status', { out: '/x' })).toBeNull();
  });
});

describe('the browser shell refuses local paths; the CLI (in process) keeps them', () => {
  it('refuses every path-taking input with a clear Italian message, writing and reading nothing', async () => {
    const hub = await openHub();
    const town = await openTown(hub, '041067');
    const shell = await shellOn(town);
    const dir = tempDir();
    const target = join(dir, '.bashrc');
    const inputs: Array<[string, unknown, string]> = [
      ['csv.exportFile', { list: 'usage', out: target }, 'out'],
      ['bundle.export', { out: target }, 'out'],
      ['bundle.export', { dir }, 'dir'],
      ['bundle.import', { files: [{ path: '/etc/shadow' }] }, 'files[0].path'],
      ['bundle.inspect', { path: '/etc/shadow' }, 'path'],
      ['bundle.inspect', { name: 'x.cstb', contentBase64: '', identityPath: '/etc/shadow' }, 'identityPath'],
      ['identity.importMany', { files: [{ path: '/etc/shadow' }] }, 'files[0].path'],
      ['identity.confirmMany', { path: '/etc/shadow' }, 'path'],
      ['report.pdf', { doc: 'plan', year: 2027, out: target }, 'out'],
      ['tc.meetings.pdf', { id: '00000000-0000-4000-8000-000000000000', out: target }, 'out'],
      ['recovery.export', { for: '041067', out: target }, 'out'],
      ['recovery.apply', { path: '/etc/shadow' }, 'path'],
      ['sync.configure', { folder: dir }, 'folder'],
      ['federation.forward', { dir }, 'dir'],
      ['federation.import', { dir }, 'dir'],
      ['federation.forwardDown', { dir }, 'dir'],
    ];
    const covered = new Set(inputs.map(([m, , f]) => `${m} ${f.replace(/\[\d+\]/, '[]')}`));
    expect([...covered].sort()).toEqual(Object.entries(EXPECTED).flatMap(([m, fs]) => fs.map((f) => `${m} ${f}`)).sort());
    for (const [method, input, field] of inputs) {
      const r = await httpCall(shell, method, input);
      expect(r.status, method).toBe(200);
      expect(r.body, `${method} ${field}`).toEqual({ ok: false, error: { code: 'E_VALIDATION', message: LOCAL_PATH_REFUSED, key: 'api.localPathRefused', field } });
    }
    expect(existsSync(target)).toBe(false);
    expect(LOCAL_PATH_REFUSED).toMatch(/riga di comando/);
  });

  it('still takes paths from the CLI (in process): the same export writes the file', async () => {
    const hub = await openHub();
    const town = await openTown(hub, '041067');
    const target = join(tempDir(), 'utilizzo.csv');
    await town.must('csv.exportFile', { list: 'usage', out: target });
    expect(readFileSync(target, 'utf8')).toMatch(/^\uFEFF?/);
    const [file] = await town.must('bundle.export', { dir: tempDir() });
    expect(existsSync(file!.path)).toBe(true);
  });

  it('inspects and imports a real bundle uploaded as bytes through the browser shell', async () => {
    const hub = await openHub();
    const town = await openTown(hub, '041067');
    await town.must('usage.record', { service: 'PEC', date: '2026-11-20', quantity: '3' });
    const [sent] = await town.must('bundle.export', { inline: true });
    const shell = await shellOn(hub);
    const content = sent!.contentBase64!;

    const inspected = await httpCall(shell, 'bundle.inspect', { name: sent!.fileName, contentBase64: content });
    expect(inspected.body).toMatchObject({ ok: true, value: { ok: true, file: sent!.fileName, size: sent!.bytes, sha256: sent!.sha256 } });

    // A sender unknown here: its identity file given as bytes lets the signature be checked.
    const stranger = await openHub();
    const id = await town.must('identity.export', {});
    const strangerShell = await shellOn(stranger);
    const withIdentity = await httpCall(strangerShell, 'bundle.inspect', { name: sent!.fileName, contentBase64: content, identityContentBase64: id.contentBase64 });
    expect(withIdentity.body.ok).toBe(true);
    const steps = (withIdentity.body.value as { steps: { step: string; ok: boolean }[] }).steps;
    expect(steps.length).toBeGreaterThan(0);

    const imported = await httpCall(shell, 'bundle.import', { files: [{ name: sent!.fileName, contentBase64: content }] });
    expect(imported.body).toMatchObject({ ok: true, value: [{ code: null }] });
  });
});

it('keeps the uploaded bytes nowhere once inspected', async () => {
  const hub = await openHub();
  const town = await openTown(hub, '041067');
  const [sent] = await town.must('bundle.export', { inline: true });
  await hub.must('bundle.inspect', { name: 'x.cstb', contentBase64: sent!.contentBase64! });
  const tmp = join(hub.dataDir, 'inbox', 'tmp');
  expect(existsSync(tmp) ? readdirSync(tmp).filter((f) => f.startsWith('inspect-')) : []).toEqual([]);
});
