// Installs Electron's binary when the network allows it, and never fails `npm install` when it
// does not. Electron's own install script is denied in package.json's `allowScripts` (a failed
// download would abort the whole install); we run the same script here, tolerating failure.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

function electronDir() {
  try {
    return dirname(require.resolve('electron/package.json'));
  } catch {
    return null; // production install without devDependencies: nothing to do
  }
}

const dir = electronDir();
if (dir) {
  const pathFile = join(dir, 'path.txt');
  const installed = existsSync(pathFile) && existsSync(join(dir, 'dist', readFileSync(pathFile, 'utf8').trim()));
  if (installed) {
    console.log('cst-desk: Electron già installato.');
  } else {
    const run = spawnSync(process.execPath, [join(dir, 'install.js')], { stdio: ['ignore', 'inherit', 'pipe'], timeout: 15 * 60_000, encoding: 'utf8' });
    if (run.status === 0 && existsSync(pathFile)) {
      console.log('cst-desk: Electron installato.');
    } else {
      const reason = (run.stderr ?? '').split('\n').find((l) => /error|ENOTFOUND|EAI_AGAIN|ECONN|timed out/i.test(l))?.trim() ?? `uscita ${run.status ?? run.signal}`;
      console.warn(`cst-desk: il binario di Electron non è stato scaricato (${reason.slice(0, 160)}).`);
      console.warn("cst-desk: tutto il resto è installato; 'npm start' userà la versione nel browser. Con la rete: node node_modules/electron/install.js");
    }
  }
}
