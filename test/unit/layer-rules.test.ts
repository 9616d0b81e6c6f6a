import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The layer rules of DESIGN.md, read from every import of every source file. */
const ROOT = resolve(__dirname, '..', '..');
const SPECIFIER = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm;
const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

interface ImportSite {
  file: string;
  specifier: string;
  /** For relative imports, the repository folder it lands in (e.g. "shared", "electron/core"). */
  target?: string;
}

function sourceFiles(dir: string): string[] {
  let out: string[] = [];
  let entries: string[];
  try {
    entries = readdirSync(join(ROOT, dir));
  } catch {
    return out;
  }
  for (const name of entries) {
    const rel = join(dir, name);
    if (statSync(join(ROOT, rel)).isDirectory()) out = out.concat(sourceFiles(rel));
    else if (/\.(ts|tsx|mts|cts)$/.test(name) && !name.endsWith('.d.ts')) out.push(rel);
  }
  return out;
}

function layerOf(path: string): string {
  const parts = path.split(sep);
  return parts[0] === 'electron' ? `electron/${parts[1]}` : (parts[0] ?? '');
}

function importsOf(dir: string): ImportSite[] {
  return sourceFiles(dir).flatMap((file) => {
    const text = readFileSync(join(ROOT, file), 'utf8');
    return [...text.matchAll(SPECIFIER)].map((m) => {
      const specifier = (m[1] ?? m[2] ?? m[3] ?? m[4]) as string;
      if (!specifier.startsWith('.')) return { file, specifier };
      const target = layerOf(relative(ROOT, resolve(ROOT, dirname(file), specifier)));
      return { file, specifier, target };
    });
  });
}

const isNode = (s: ImportSite) => NODE_BUILTINS.has(s.specifier);
const show = (sites: ImportSite[]) => sites.map((s) => `${s.file} → ${s.specifier}`);

describe('layer rules (DESIGN.md)', () => {
  it('shared/ imports nothing of ours, no Node built-ins, no DOM libraries', () => {
    const bad = importsOf('shared').filter((s) => (s.target ? s.target !== 'shared' : isNode(s) || s.specifier !== 'zod'));
    expect(show(bad)).toEqual([]);
  });

  it('renderer/ imports only shared/ of ours, never Node, Electron or the database', () => {
    const sites = importsOf('renderer');
    expect(sites.length).toBeGreaterThan(0);
    const bad = sites.filter((s) =>
      s.target ? !['renderer', 'shared'].includes(s.target) : isNode(s) || /^(electron|better-sqlite3)(\/|$)/.test(s.specifier),
    );
    expect(show(bad)).toEqual([]);
  });

  it("electron/core imports shared/ and Node, never 'electron' nor the shells", () => {
    const bad = importsOf('electron/core').filter((s) => (s.target ? !['electron/core', 'shared', 'data', 'package.json'].includes(s.target) : s.specifier === 'electron'));
    expect(show(bad)).toEqual([]);
  });

  it("only electron/main and electron/preload import 'electron'", () => {
    const users = ['electron/core', 'electron/cli', 'electron/server', 'shared', 'renderer']
      .flatMap(importsOf)
      .filter((s) => s.specifier === 'electron' || s.specifier.startsWith('electron/'));
    expect(show(users)).toEqual([]);
  });

  it('the CLI and the servers reach the backend only through electron/core and shared/', () => {
    const bad = ['electron/cli', 'electron/server']
      .flatMap(importsOf)
      .filter((s) => s.target && !['electron/core', 'electron/cli', 'electron/server', 'shared'].includes(s.target));
    expect(show(bad)).toEqual([]);
  });
});
