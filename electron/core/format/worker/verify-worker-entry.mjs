// Worker entry when running from the TypeScript sources (tests, CLI via tsx): registers tsx's
// loader inside the worker, then loads the real worker. The Electron build bundles
// verify-worker.ts to dist/electron/bundle-verify-worker.cjs instead (see verifier.ts).
import { register } from 'tsx/esm/api';

register();
await import('./verify-worker.ts');
