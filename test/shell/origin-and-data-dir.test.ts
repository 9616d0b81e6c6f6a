import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, devServerOrigin, isExternalWebUrl, originOf } from '../../electron/main/app-origin';
import { resolveDataDir } from '../../electron/main/data-dir';

describe('originOf', () => {
  it('gives our custom scheme a real origin, unlike Node’s URL', () => {
    expect(new URL('app://cst/index.html').origin).toBe('null');
    expect(originOf('app://cst/index.html')).toBe(APP_ORIGIN);
    expect(originOf('app://CST/x')).toBe(APP_ORIGIN);
    expect(originOf('app://cst.evil/x')).toBeNull();
    expect(originOf('app://evil/x')).toBeNull();
    expect(originOf('https://example.org:8443/x')).toBe('https://example.org:8443');
    expect(originOf('file:///etc/passwd')).toBeNull();
    expect(originOf('about:blank')).toBeNull();
    expect(originOf('')).toBeNull();
  });

  it('lets only https links out to the browser', () => {
    expect(isExternalWebUrl('https://www.istat.it/')).toBe(true);
    expect(isExternalWebUrl('http://example.org')).toBe(false);
    for (const url of ['file:///C:/', 'javascript:alert(1)', 'mailto:x@y.it', 'smb://server/share', 'nonsense']) {
      expect(isExternalWebUrl(url), url).toBe(false);
    }
  });

  it('accepts a dev server only unpackaged and on loopback', () => {
    expect(devServerOrigin('http://localhost:5173/', false)).toBe('http://localhost:5173');
    expect(devServerOrigin('http://127.0.0.1:5173', false)).toBe('http://127.0.0.1:5173');
    expect(devServerOrigin('http://localhost:5173/', true)).toBeNull();
    expect(devServerOrigin('https://evil.example/', false)).toBeNull();
    expect(devServerOrigin('file:///tmp/index.html', false)).toBeNull();
    expect(devServerOrigin(undefined, false)).toBeNull();
    expect(devServerOrigin('::', false)).toBeNull();
  });
});

describe('resolveDataDir', () => {
  const cwd = path.resolve('/home/impiegato');
  const fallback = () => '/userData/CST Desk';

  it('prefers --data-dir in both spellings, resolved against cwd', () => {
    expect(resolveDataDir(['.', '--data-dir', 'dati'], {}, cwd, fallback)).toEqual({ dataDir: path.join(cwd, 'dati'), source: 'argument' });
    expect(resolveDataDir(['--data-dir=/srv/cst'], { CST_DATA_DIR: '/x' }, cwd, fallback)).toEqual({ dataDir: path.resolve('/srv/cst'), source: 'argument' });
  });

  it('then CST_DATA_DIR, then userData', () => {
    expect(resolveDataDir([], { CST_DATA_DIR: '/srv/hub' }, cwd, fallback)).toEqual({ dataDir: path.resolve('/srv/hub'), source: 'environment' });
    expect(resolveDataDir([], { CST_DATA_DIR: '  ' }, cwd, fallback)).toEqual({ dataDir: '/userData/CST Desk', source: 'default' });
    // --data-dir with no folder is a usage error (issue 11, item 9), never the default folder.
    expect(resolveDataDir(['--data-dir'], {}, cwd, fallback)).toEqual({ dataDir: '', source: 'argument', empty: true });
    expect(resolveDataDir(['--data-dir', '--other'], {}, cwd, fallback)).toEqual({ dataDir: '', source: 'argument', empty: true });
    expect(resolveDataDir(['--data-dir='], { CST_DATA_DIR: '/x' }, cwd, fallback)).toEqual({ dataDir: '', source: 'argument', empty: true });
    expect(resolveDataDir(['--data-dir=  '], {}, cwd, fallback).empty).toBe(true);
  });
});
