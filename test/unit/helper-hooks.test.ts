import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Test files share one module graph per worker (vitest.config.ts, `isolate: false`): a helper
 * module is evaluated once, so a hook it registers at import (afterEach at top level) would run
 * for the first file of the worker only. Hooks belong in test/helpers/after-each-test.ts, a setup
 * file run for every test file, or inside a function a test file calls.
 */
const HELPERS = join(__dirname, '..', 'helpers');

describe('test helpers register no hook at import', () => {
  it('no top-level beforeEach/afterEach/beforeAll/afterAll in test/helpers, except the setup file', () => {
    const offenders = readdirSync(HELPERS)
      .filter((f) => /\.tsx?$/.test(f) && f !== 'after-each-test.ts')
      .filter((f) => /^(before|after)(Each|All)\(/m.test(readFileSync(join(HELPERS, f), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('every project runs the setup file that closes backends and removes temp folders', () => {
    const config = readFileSync(join(__dirname, '..', '..', 'vitest.config.ts'), 'utf8');
    const projects = config.match(/name: '/g)?.length ?? 0;
    const withSetup = config.match(/setupFiles: \['test\/helpers\/after-each-test\.ts'/g)?.length ?? 0;
    expect(withSetup).toBe(projects);
  });
});
