// `npm start`: the desktop app in Electron when its binary is installed, otherwise the same app
// in the browser shell (same renderer, same API over HTTP on 127.0.0.1), with one line saying why.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);

function electronBinary() {
  try {
    const dir = dirname(require.resolve('electron/package.json'));
    const rel = readFileSync(join(dir, 'path.txt'), 'utf8').trim();
    const bin = join(dir, 'dist', rel);
    return existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

function run(command, commandArgs) {
  const r = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

/** The newest modification time under the folders the renderer is built from. */
function newestSource(dirs) {
  let newest = 0;
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  for (const dir of dirs) walk(join(root, dir));
  return newest;
}

/** Rebuild the interface when it is missing or older than its sources (e.g. after a git pull). */
function rendererIsStale() {
  const built = join(root, 'dist', 'renderer', 'index.html');
  return !existsSync(built) || statSync(built).mtimeMs < newestSource(['renderer', 'shared']);
}

const electron = electronBinary();
const headless = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
if (electron && !headless) {
  run(process.execPath, [join(root, 'scripts', 'build.mjs')]);
  const child = spawn(electron, [root, ...args], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(
    electron
      ? 'CST Desk: nessuno schermo grafico disponibile, avvio la versione nel browser.'
      : 'CST Desk: Electron non è installato su questo computer, avvio la versione nel browser.',
  );
  if (rendererIsStale() || args.includes('--rebuild')) {
    run(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn']);
  }
  const shellArgs = args.filter((a) => a !== '--rebuild');
  const { freshBundle } = await import('./fresh-bundle.mjs');
  const shell = await freshBundle('browser-shell', 'electron/server/browser-shell-main.ts');
  const child = spawn(process.execPath, [shell, ...shellArgs], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}
