import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEachTest } from './after-each-test';

const made: string[] = [];

/** A fresh folder under the system temp dir, removed after the test (test/helpers/after-each-test.ts). */
export function tempDir(prefix = 'cst-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

afterEachTest(function removeTempDirs() {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});
