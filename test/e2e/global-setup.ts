import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** The end-to-end tests run against the built renderer, built once from the current sources. */
export default function buildRenderer(): void {
  const root = join(__dirname, '..', '..');
  const r = spawnSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error('vite build failed');
}
