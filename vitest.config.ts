import { defineConfig } from 'vitest/config';

/**
 * One `vitest run` runs every layer. The Node-side layers share one project; the UI tests run in
 * jsdom; the end-to-end tests drive Debian's Chromium and get longer timeouts. `npm test` runs
 * scripts/preflight.mjs first (the programs the tests need); test/helpers/global-setup.ts builds
 * the `cst` bundle and the verification worker once for the whole run.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          include: ['test/{unit,db,core,sync,cli,shell}/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/helpers/global-setup.ts'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'ui',
          include: ['test/ui/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['test/ui/setup.ts'],
          globalSetup: ['test/helpers/global-setup.ts'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          // The renderer and the browser shell's bundle, then the `cst` bundle (settings-backup
          // spawns it): built once, before the files, which run in parallel (as many as the
          // machine has cores; each has its own shells, ports, data folders and Chromium).
          globalSetup: ['test/e2e/global-setup.ts', 'test/helpers/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
