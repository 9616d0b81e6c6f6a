// `npm run bench`: runs every benchmark in test/bench; each prints one JSON line per figure.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv.slice(2);
const files = readdirSync(join(root, 'test', 'bench'))
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
let failed = 0;
for (const file of files) {
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(root, 'test', 'bench', file)], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    failed += 1;
    console.error(`bench: ${file} failed (exit ${r.status})`);
  }
}
process.exit(failed ? 1 : 0);
