import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The UI test files share one module graph (vitest.config.ts, `isolate: false`), so a store left
 * as one test set it would leak into the next file's test. test/ui/setup.ts puts every store back
 * to its initial state after each test: this checks that its list names every zustand store the
 * renderer creates, so a new store cannot be forgotten.
 */
const ROOT = join(__dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('UI tests: every renderer store is reset after each test', () => {
  it('test/ui/setup.ts lists every store created with zustand', () => {
    const created = sources(join(ROOT, 'renderer', 'src'))
      .flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/export const (use\w+) = create\b/g)].map((m) => m[1]!))
      .sort();
    const setup = readFileSync(join(ROOT, 'test', 'ui', 'setup.ts'), 'utf8');
    const list = setup.slice(setup.indexOf('RENDERER_STORES'), setup.indexOf('} as never;'));
    const reset = [...list.matchAll(/^\s+(use\w+),$/gm)].map((m) => m[1]!).sort();
    expect(created.length).toBeGreaterThan(10);
    expect(reset).toEqual(created);
  });
});
