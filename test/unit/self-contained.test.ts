import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * A fresh clone is all a newcomer has: no source, test, script, config or doc may read or point
 * to a file outside the repository (the test vectors and the format specification used to be read
 * from a `shared` folder beside it, and 20 tests failed on a clone).
 */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Text files of the repository, as git tracks them (binary vectors and images are left out). */
const TEXT = /\.(ts|tsx|mjs|cjs|js|json|md|css|html|yml|yaml|txt|sh)$|^\.ci\/run$|(^|\/)\.gitignore$/;

function trackedTextFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' });
  return out.split('\n').filter((f) => f !== '' && TEXT.test(f) && f !== 'package-lock.json');
}

/** `../` chains that name a file or folder: `'../../shared/api/call'`, `(../docs/x.md)`. */
const RELATIVE = /(?:\.\.\/)+[\w.@-][\w./@-]*/g;
/** Absolute places of the machine the project was born on. */
const ABSOLUTE = /\/work\/(shared|main|wt)\b/g;
/** `join(__dirname, '..', '..', 'x')`: the same climb written as path segments. */
const SEGMENTS = /(?:__dirname|import\.meta\.dirname)((?:\s*,\s*['"]\.\.['"])+)((?:\s*,\s*['"][\w.@-]+['"])*)/g;

interface Escape { file: string; line: number; text: string }

/** Paths that climb from another folder than their file's, each checked by hand. */
const RELATIVE_TO_ELSEWHERE = [
  // vite.config.ts: relative to the Vite root `renderer/`, i.e. dist/renderer.
  { file: 'vite.config.ts', text: '../dist/renderer' },
  // An example in a comment, relative to a source file in electron/core/<layer>/<folder>/.
  { file: 'scripts/build.mjs', text: `${'../'.repeat(3)}data/x.json` },
  // The banner of the bundles in dist/electron/: relative to the bundle, i.e. the repository root.
  { file: 'scripts/build.mjs', text: `__dirname, "..", ".."` },
];

/** Every path in `text` that, resolved from the file's folder, lands outside the repository. */
export function escapesOf(file: string, text: string): Escape[] {
  const found: Escape[] = [];
  text.split('\n').forEach((line, i) => {
    for (const m of line.matchAll(RELATIVE)) {
      const target = relative(ROOT, resolve(ROOT, dirname(file), m[0]));
      const outside = target === '..' || target.startsWith(`..${sep}`);
      const known = RELATIVE_TO_ELSEWHERE.some((k) => k.file === file && k.text === m[0]);
      if (outside && !known) found.push({ file, line: i + 1, text: m[0] });
    }
    for (const m of line.matchAll(ABSOLUTE)) found.push({ file, line: i + 1, text: m[0] });
    for (const m of line.matchAll(SEGMENTS)) {
      const parts = [...`${m[1]}${m[2]}`.matchAll(/['"]([^'"]+)['"]/g)].map((p) => p[1]!);
      const target = relative(ROOT, resolve(ROOT, dirname(file), ...parts));
      const known = RELATIVE_TO_ELSEWHERE.some((k) => k.file === file && k.text === m[0]);
      if ((target === '..' || target.startsWith(`..${sep}`)) && !known) found.push({ file, line: i + 1, text: m[0] });
    }
  });
  return found;
}

describe('the repository is self-contained', () => {
  it('no tracked file refers to a path outside the repository', () => {
    const files = trackedTextFiles();
    expect(files.length).toBeGreaterThan(300);
    const escapes = files.flatMap((f) => escapesOf(f, readFileSync(join(ROOT, f), 'utf8')));
    expect(escapes).toEqual([]);
  });

  it('the check itself sees the paths that used to escape', () => {
    // Written in pieces so that this file does not trip its own check.
    const up = (n: number) => '../'.repeat(n);
    expect(escapesOf('test/sync/x.ts', `new URL('${up(3)}shared/vectors/', import.meta.url)`)).toHaveLength(1);
    expect(escapesOf('test/unit/x.ts', `const V = '/work/${'shared'}/vectors';`)).toHaveLength(1);
    const here = `${'__dir'}name`;
    const climb = (n: number) => Array<string>(n).fill("'..'").join(', ');
    expect(escapesOf('test/db/x.ts', `const V = join(${here}, ${climb(3)}, '${'sha'}red', 'vectors');`)).toHaveLength(1);
    expect(escapesOf('test/db/x.ts', `const V = join(${here}, '..', 'fixtures', 'vectors');`)).toEqual([]);
    expect(escapesOf('README.md', `see [the spec](${up(1)}shared/BUNDLE-FORMAT.md)`)).toHaveLength(1);
    // Paths that climb but stay inside are fine.
    expect(escapesOf('electron/cli/run-cli.ts', `import type { CallFn } from '${up(2)}shared/api/call';`)).toEqual([]);
    expect(escapesOf('test/fixtures/vectors/README.md', `[spec](${up(3)}docs/bundle-format.md)`)).toEqual([]);
  });

  it('ships the format specification and its test vectors', () => {
    const spec = readFileSync(join(ROOT, 'docs', 'bundle-format.md'), 'utf8');
    expect(spec).toContain('# CST bundle format, version 1 (normative)');
    expect(spec).toContain('data descriptor');
    expect(readFileSync(join(ROOT, 'test', 'fixtures', 'vectors', 'README.md'), 'utf8')).toContain('valid-plain-1-3.cstb');
  });
});
