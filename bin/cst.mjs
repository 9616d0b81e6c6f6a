#!/usr/bin/env node
// The `cst` command: runs the TypeScript CLI through tsx's loader, so it works right after
// `npm install` with no build step.
import { register } from 'tsx/esm/api';

register();
await import('../electron/cli/main.ts');
