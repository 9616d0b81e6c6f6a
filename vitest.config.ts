import { defineConfig } from 'vitest/config';

/**
 * One `vitest run` runs every layer. The Node-side layers share one project; the UI tests run in
 * jsdom; the end-to-end tests drive Debian's Chromium and get longer timeouts. `npm test` runs
 * scripts/preflight.mjs first (the programs the tests need); test/helpers/global-setup.ts builds
 * the `cst` bundle and the verification worker once for the whole run.
 *
 * `isolate: false` for the node and UI projects: the files of one worker share one module graph
 * instead of evaluating the core, React and the catalogues again for each of ~160 files (that was
 * two thirds of the suite's CPU: `import` 195 s of 650 s on the node project, 261 s → 97 s of CPU
 * for the UI project). It is safe because no test there mocks a module (vi.mock) and every test opens
 * its own data folder; globals stubbed by a test are put back after it (`unstubGlobals`), and
 * what a page keeps in memory (stores, session, language) is reset after each test in
 * test/ui/setup.ts. The Electron shell's tests mock `electron` with vi.mock, so they keep their
 * own isolated project.
 */
export default defineConfig({
  test: {
    // Two files at a time on the 2-core machines the suite is measured on: vitest's own default
    // is one fewer worker than the cores (a single worker here, the suite then ran file after
    // file). The end-to-end files' shells and Chromium are children of their worker.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'node',
          include: ['test/{unit,db,core,sync,cli}/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/helpers/global-setup.ts'],
          setupFiles: ['test/helpers/after-each-test.ts'],
          testTimeout: 30_000,
          isolate: false,
        },
      },
      {
        test: {
          name: 'shell',
          include: ['test/shell/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/helpers/global-setup.ts'],
          setupFiles: ['test/helpers/after-each-test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'ui',
          include: ['test/ui/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['test/helpers/after-each-test.ts', 'test/ui/setup.ts'],
          globalSetup: ['test/helpers/global-setup.ts'],
          testTimeout: 30_000,
          isolate: false,
          unstubGlobals: true,
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
          setupFiles: ['test/helpers/after-each-test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
