#!/usr/bin/env node
// The `cst` command: runs the CLI from its esbuild bundle, rebuilt when the sources changed
// (scripts/fresh-bundle.mjs), so it works right after `npm install` with no build step.
import { createRequire } from 'node:module';
import { freshBundle } from '../scripts/fresh-bundle.mjs';

createRequire(import.meta.url)(await freshBundle('cst', 'electron/cli/main.ts'));
