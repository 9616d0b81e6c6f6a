// `npm run build`: the renderer with Vite (dist/renderer) and the three Electron bundles with
// esbuild (dist/electron/{main,preload,backend-host}.cjs). `--only=renderer` or `--only=electron`
// builds one half. Run from any directory; paths are relative to the repository root.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Electron 40 ships Node 24.11 and Chromium 144 (its 40.0.0 release notes). */
const NODE_TARGET = 'node24.11';
const CHROME_TARGET = 'chrome144';

/**
 * The core is ESM source bundled to CJS: esbuild would replace `import.meta` with `{}`.
 * Each `import.meta.url` / `.dirname` / `.filename` in our own sources becomes the location the
 * file would have in the app folder (asar root = repository root), computed at run time from
 * the bundle's own `__dirname` (dist/electron), so `new URL('../../../data/x.json', import.meta.url)`
 * still finds data/x.json both in a checkout and inside app.asar. JSON imports need nothing:
 * esbuild inlines them.
 */
export const importMetaPlugin = {
  name: 'cst-import-meta',
  setup(build) {
    build.onLoad({ filter: /\.[cm]?[jt]sx?$/ }, (args) => {
      if (args.path.includes(`${join('node_modules', '')}`)) return undefined;
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes('import.meta')) return undefined;
      const rel = JSON.stringify(relative(root, args.path).split('\\').join('/'));
      const contents = source
        .replaceAll('import.meta.url', `__cstSourceUrl(${rel})`)
        .replaceAll('import.meta.dirname', `__cstSourceDir(${rel})`)
        .replaceAll('import.meta.filename', `__cstSourcePath(${rel})`);
      const loader = args.path.endsWith('x') ? 'tsx' : /\.[cm]?ts$/.test(args.path) ? 'ts' : 'js';
      return { contents, loader, resolveDir: dirname(args.path) };
    });
  },
};

const importMetaBanner = [
  '"use strict";',
  'const __cstAppRoot = require("node:path").resolve(__dirname, "..", "..");',
  'const __cstSourcePath = (rel) => require("node:path").join(__cstAppRoot, rel);',
  'const __cstSourceDir = (rel) => require("node:path").dirname(__cstSourcePath(rel));',
  'const __cstSourceUrl = (rel) => require("node:url").pathToFileURL(__cstSourcePath(rel)).href;',
].join('\n');

/** Main process and backend utility process: Node inside Electron. @type {import('esbuild').BuildOptions} */
export const nodeBundle = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: NODE_TARGET,
  // better-sqlite3 is native: required at run time from node_modules (unpacked from the asar,
  // rebuilt for Electron's ABI by electron-builder), never bundled.
  external: ['electron', 'better-sqlite3'],
  sourcemap: 'linked',
  logLevel: 'warning',
  plugins: [importMetaPlugin],
  banner: { js: importMetaBanner },
  define: { 'process.env.NODE_ENV': '"production"' },
};

/** The bundles, each a complete esbuild options object (tests build them in memory). */
export function electronBundles() {
  return {
    main: { ...nodeBundle, entryPoints: [join(root, 'electron/main/main.ts')], outfile: join(root, 'dist/electron/main.cjs') },
    backendHost: {
      ...nodeBundle,
      entryPoints: [join(root, 'electron/main/backend-host.ts')],
      outfile: join(root, 'dist/electron/backend-host.cjs'),
    },
    // Received bundles are parsed and verified in this worker thread, started by the backend
    // host from its own folder (electron/core/format/worker/verifier.ts looks for it beside itself).
    verifyWorker: {
      ...nodeBundle,
      entryPoints: [join(root, 'electron/core/format/worker/verify-worker.ts')],
      outfile: join(root, 'dist/electron/bundle-verify-worker.cjs'),
    },
    // The sandboxed preload can require only 'electron' (and a few polyfills): one file, no Node.
    preload: {
      bundle: true,
      platform: 'browser',
      format: 'cjs',
      target: CHROME_TARGET,
      external: ['electron'],
      sourcemap: 'inline',
      logLevel: 'warning',
      entryPoints: [join(root, 'electron/preload/preload.ts')],
      outfile: join(root, 'dist/electron/preload.cjs'),
    },
  };
}

async function buildElectron() {
  await Promise.all(Object.values(electronBundles()).map((options) => esbuild.build(options)));
}

async function buildRenderer() {
  if (!existsSync(join(root, 'renderer', 'index.html'))) throw new Error('renderer/index.html non trovato: niente da costruire.');
  const { build } = await import('vite');
  await build({ root: join(root, 'renderer'), configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
}

async function main() {
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
  try {
    if (only !== 'electron') await buildRenderer();
    if (only !== 'renderer') await buildElectron();
    console.log(`build: ${only ?? 'renderer + electron'} in dist/`);
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
