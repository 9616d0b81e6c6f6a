import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openBackend } from '../../electron/core/app/backend';
import { startBrowserShell } from '../../electron/server/browser-shell';
import { percentile, report, timeMany } from './bench-util';

/** API round-trip latency of a small call (app.status), in-process and over HTTP on loopback. */
const dataDir = mkdtempSync(join(tmpdir(), 'cst-bench-'));
const backend = openBackend({ autoBackupDelayMs: false, dataDir, appVersion: 'bench', log: { info() {}, warn() {}, error() {} } });
await backend.dispatch('setup.municipality', { istat: '041067', operator: 'Bench' });

await timeMany(200, () => backend.dispatch('app.status', {}));
const inProcess = await timeMany(2000, () => backend.dispatch('app.status', {}));
report('api_roundtrip_in_process_p50', percentile(inProcess, 50), 'ms', { method: 'app.status', n: inProcess.length });
report('api_roundtrip_in_process_p95', percentile(inProcess, 95), 'ms', { method: 'app.status', n: inProcess.length });

const shell = await startBrowserShell({ backend, rendererDir: dataDir });
const body = JSON.stringify({ method: 'app.status', input: {} });
const post = () =>
  fetch(`http://127.0.0.1:${shell.port}/api/call`, { method: 'POST', body, headers: { 'X-CST-Secret': shell.secret, 'Content-Type': 'application/json' } }).then((r) => r.json());
await timeMany(200, post);
const overHttp = await timeMany(2000, post);
report('api_roundtrip_http_p50', percentile(overHttp, 50), 'ms', { method: 'app.status', n: overHttp.length });
report('api_roundtrip_http_p95', percentile(overHttp, 95), 'ms', { method: 'app.status', n: overHttp.length });

await shell.close();
backend.close();
rmSync(dataDir, { recursive: true, force: true });
