import { afterEach } from 'vitest';

/**
 * What helper modules undo after every test (the test backends closed, their temp folders
 * removed, the real clock back), run by this setup file, which every project lists. A helper
 * cannot register `afterEach` itself: where the files of a worker share one module graph
 * (vitest.config.ts, `isolate: false`) it is evaluated once, and its hook would run for that
 * worker's first file only. So it calls `afterEachTest(fn)` at import instead; the registry lives
 * on globalThis, and this file imports nothing else, so running it before each file costs nothing.
 * The last registered runs first, as a stack unwinds: backends close before their folders go.
 */
type Cleanup = () => void;
const KEY = Symbol.for('cst-desk.test.afterEachTest');

function registry(): Cleanup[] {
  const g = globalThis as { [KEY]?: Cleanup[] };
  return (g[KEY] ??= []);
}

export function afterEachTest(cleanup: Cleanup): void {
  if (!registry().includes(cleanup)) registry().push(cleanup);
}

afterEach(() => {
  for (const cleanup of [...registry()].reverse()) cleanup();
});
