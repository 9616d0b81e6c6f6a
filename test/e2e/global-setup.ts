import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Once before the end-to-end files, which run two at a time: the renderer built from the
 * current sources, and the browser shell's bundle (what `npm start` runs) made fresh, so that
 * no two files build the same thing at once. Each file then starts its own shells on their own
 * temp data folders and ports chosen by the system (port 0), and its own Chromium.
 */
export default async function buildForEndToEnd(): Promise<void> {
  const root = join(__dirname, '..', '..');
  // NODE_ENV=production, as `npm run build` does: vitest sets it to "test", with which vite would
  // bundle React's development build (slower pages, and not the renderer users run).
  const r = spawnSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (r.status !== 0) throw new Error('vite build failed');
  const { freshBundle } = (await import(pathToFileURL(join(root, 'scripts', 'fresh-bundle.mjs')).href)) as {
    freshBundle: (name: string, entry: string) => Promise<string>;
  };
  await freshBundle('browser-shell', 'electron/server/browser-shell-main.ts');
}
