import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * `npm test` starts with scripts/preflight.mjs: on a machine that lacks a program the tests use,
 * it stops at once with one sentence naming the command that installs it. Run here with a PATH
 * that holds only the programs each case grants.
 */

const SCRIPT = new URL('../../scripts/preflight.mjs', import.meta.url).pathname;
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A PATH folder holding links to the named programs of this machine, and nothing else. */
function pathWith(programs: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'cst-preflight-'));
  dirs.push(dir);
  for (const p of programs) symlinkSync(`/usr/bin/${p}`, join(dir, p));
  return dir;
}

function preflight(env: Record<string, string>) {
  const r = spawnSync(process.execPath, [SCRIPT], { env: { LANG: 'it_IT.UTF-8', ...env }, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, lines: r.stderr.split('\n').filter((l) => l !== '') };
}

describe('npm test preflight (scripts/preflight.mjs)', () => {
  it('passes silently on this machine, where everything is installed', () => {
    const r = preflight({ PATH: process.env.PATH ?? '' });
    expect(r).toEqual({ status: 0, stdout: '', lines: [] });
  });

  it('with nothing installed: one sentence with the whole install command, exit 1', () => {
    const r = preflight({ PATH: pathWith([]), CST_CHROMIUM: '/nonexistent/chromium', CST_CHROMIUM_LOCALES: '/nonexistent' });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0]).toMatch(/^npm test: ai test servono .*; installali con: sudo apt-get install -y chromium chromium-l10n minisign age zip unzip poppler-utils$/);
  });

  it('names only what is missing, as a command that can be pasted as it is', () => {
    const r = preflight({ PATH: pathWith(['minisign', 'zip', 'unzip', 'pdfinfo']) });
    expect(r.status).toBe(1);
    expect(r.lines).toEqual(['npm test: ai test servono age, pdftotext, che qui mancano; installali con: sudo apt-get install -y age poppler-utils']);
    const command = r.lines[0]?.split('installali con: ')[1] ?? '';
    expect(command.split(' ').slice(0, 4)).toEqual(['sudo', 'apt-get', 'install', '-y']);
  });

  it('Chromium without its Italian strings asks for chromium-l10n; in English when LANG says so', () => {
    const r = preflight({ PATH: process.env.PATH ?? '', CST_CHROMIUM_LOCALES: '/nonexistent', LANG: 'en_GB.UTF-8' });
    expect(r.status).toBe(1);
    expect(r.lines).toEqual(['npm test: the tests need it.pak, missing here; install them with: sudo apt-get install -y chromium-l10n']);
  });
});
