#!/usr/bin/env node
// Screenshots of the exchange screens (issue 4: Invii, identities, imports, members, the hub's
// catalogue, courses and groups), in Italian and English at 1366×768, on two real browser shells
// (a municipality and its hub) going through a whole exchange. They are taken by the end-to-end
// test itself, which also checks every screen with axe-core:
//
//   node scripts/screenshots-bundles.mjs      → test-output/screens-bundles/*.png
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const r = spawnSync(process.execPath, [join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--project', 'e2e', 'test/e2e/bundles-exchange.test.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, CST_SCREENSHOTS: '1' },
});
if (r.status === 0) console.log(`screenshots in ${join(root, 'test-output', 'screens-bundles')}`);
process.exit(r.status ?? 1);
