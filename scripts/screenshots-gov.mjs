#!/usr/bin/env node
// Screenshots of the governance screens (issue 5), in Italian and English at 1366×768, taken by
// the end-to-end test test/e2e/gov-plan.test.ts on the real browser shell and Debian's Chromium:
// hub with demo data, a member's proposal evaluated, next year's plan built and approved, the
// member's share. Each screen is also checked with axe-core (colour contrast included).
//
//   node scripts/screenshots-gov.mjs [--out test-output/gov-screens]
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { out: { type: 'string', default: 'test-output/gov-screens' } } });
const r = spawnSync(process.execPath, [join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--project', 'e2e', 'test/e2e/gov-plan.test.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, GOV_SCREENS: resolve(root, values.out) },
});
process.exit(r.status ?? 1);
