import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The layer rules of docs/design.md, read from every import of every source file. */
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

/**
 * The core's layers, lowest first (README, "Layout"): a file imports only its own layer or
 * layers below it, type-only imports included. The features share a layer, ordered inside:
 * the hub's records are read by both roles (a municipality receives the hub's catalogue), so
 * `municipality/` and `governance/` may import `hub/`, and nothing imports sideways otherwise.
 */
const CORE_LAYERS: Readonly<Record<string, number>> = { platform: 0, format: 1, sync: 2, hub: 3, municipality: 4, governance: 4, app: 5 };

/** `electron/core/sync/inbox/apply.ts` → `sync/inbox`; a file at a layer's top → the layer. */
function coreUnit(path: string): string {
  const parts = relative(join(ROOT, 'electron', 'core'), path).split(sep);
  return parts.slice(0, Math.min(2, parts.length - 1)).join('/');
}

function coreEdges(): { from: string; to: string; file: string; specifier: string }[] {
  return importsOf('electron/core')
    .filter((s) => s.target === 'electron/core')
    .map((s) => ({
      file: s.file,
      specifier: s.specifier,
      from: coreUnit(join(ROOT, s.file)),
      to: coreUnit(resolve(ROOT, dirname(s.file), s.specifier)),
    }))
    .filter((e) => e.from !== e.to);
}

/** Strongly connected components of more than one folder (Tarjan). */
function cycles(edges: { from: string; to: string }[]): string[][] {
  const next = new Map<string, Set<string>>();
  for (const e of edges) (next.get(e.from) ?? next.set(e.from, new Set()).get(e.from)!).add(e.to);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do component.push((w = stack.pop()!));
      while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of next.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe('layer rules (docs/design.md)', () => {
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

  it('electron/core is only layers: every file sits in one of them', () => {
    const loose = sourceFiles('electron/core').filter((f) => !(f.split(sep)[2]! in CORE_LAYERS));
    expect(loose).toEqual([]);
  });

  it('inside electron/core, no layer imports a layer above it or beside it (type-only imports too)', () => {
    const layer = (unit: string) => unit.split('/')[0]!;
    const upward = coreEdges().filter((e) => {
      const [a, b] = [layer(e.from), layer(e.to)];
      return a !== b && CORE_LAYERS[b]! >= CORE_LAYERS[a]!;
    });
    expect(upward.map((e) => `${e.file} → ${e.specifier}`)).toEqual([]);
  });

  it('inside electron/core, no two folders import each other, directly or round a cycle', () => {
    expect(cycles(coreEdges())).toEqual([]);
  });

  it('the cycle finder finds a cycle', () => {
    expect(cycles([{ from: 'a', to: 'b' }, { from: 'b', to: 'c' }, { from: 'c', to: 'a' }, { from: 'c', to: 'd' }])).toEqual([['a', 'b', 'c']]);
  });
});
