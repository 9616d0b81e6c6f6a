import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openBackend } from '../../electron/core/app/backend';
import { fixedClock, sequentialIds } from '../../electron/core/platform/defaults';
import { findBrowser } from '../../electron/core/governance/report-pdf';
import { report, timeMany } from './bench-util';

/**
 * The documents of issue 5 on the demo consortium (50 members, the approved plan): the document
 * as data for the preview (report.document), the stand-alone HTML, and the PDF printed by the
 * local headless Chromium (the CLI's and browser shell's path; Electron prints in main instead).
 * Wall time is distorted by the other work on the machine; CPU time is also given: Node's own
 * (process.cpuUsage) and, for the PDF, the browser's (children's user+sys from /proc/self/stat).
 */
const RUNS = Number(process.env.CST_BENCH_RUNS ?? 5);
const dir = mkdtempSync(join(tmpdir(), 'cst-bench-report-'));
const backend = openBackend({ autoBackupDelayMs: false, dataDir: dir, appVersion: 'bench', clock: fixedClock('2026-11-26T08:00:00.000Z'), ids: sequentialIds(1), log: { info() {}, warn() {}, error() {} } });
const call = async (method: string, input: unknown) => {
  const r = await backend.dispatch(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value as never;
};

/** CPU of reaped children (the headless browser), ms; Linux only. */
function childrenCpuMs(): number {
  if (!existsSync('/proc/self/stat')) return NaN;
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  // After "pid (comm) ": state is field 3, so cutime (16) and cstime (17) are at 13 and 14 here.
  return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100;
}

async function measure(name: string, fn: () => Promise<unknown>, extra: Record<string, unknown> = {}) {
  await fn();
  const cpu0 = process.cpuUsage();
  const kids0 = childrenCpuMs();
  const times = await timeMany(RUNS, fn);
  const cpu = process.cpuUsage(cpu0);
  const kids = childrenCpuMs() - kids0;
  report(name, times[Math.floor(times.length / 2)]!, 'ms', {
    runs: RUNS,
    nodeCpuMsPerRun: Math.round((cpu.user + cpu.system) / 1000 / RUNS),
    ...(kids > 0 ? { browserCpuMsPerRun: Math.round(kids / RUNS) } : {}),
    ...extra,
  });
}

try {
  await call('setup.hub', { id: 'CST-PU', name: 'CST Pesaro-Urbino', province: 'PU', operator: 'Bench' });
  const { planYear } = (await call('demo.hub', { seed: 1 })) as { planYear: number };
  const members = (await call('members.list', {})) as { istat: string }[];
  const plan = { doc: 'plan', year: planYear };
  const statement = { doc: 'statement', year: planYear, istat: members[0]!.istat };
  await measure('report.document plan (50 members)', () => call('report.document', plan));
  await measure('report.html plan (50 members)', () => call('report.html', plan));
  if (findBrowser()) {
    const last = (await call('report.pdf', plan)) as { bytes: number; contentBase64: string };
    const file = join(dir, 'p.pdf');
    writeFileSync(file, Buffer.from(last.contentBase64, 'base64'));
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1] ?? NaN);
    await measure('report.pdf plan, headless Chromium', () => call('report.pdf', plan), { bytes: last.bytes, pages });
    await measure('report.pdf statement, headless Chromium', () => call('report.pdf', statement));
  } else {
    report('report.pdf skipped: no Chromium, Chrome or Edge', 0, 'ms');
  }
} finally {
  backend.close();
  rmSync(dir, { recursive: true, force: true });
}
