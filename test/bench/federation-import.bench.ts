/**
 * Federation (issue 12): the regional hub's import of a forwarded member bundle against the
 * provincial hub's import of the same bytes (goal: the same cost per event). One member bundle of
 * CST_BENCH_EVENTS usage events (default 200,000), encrypted to both hubs; the provincial hub
 * imports it (bundle.import), forwards it (federation.forward: the roster and the file copied),
 * the regional hub imports the folder (federation.import). Real backends, real worker.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadInstallationKeys } from '../../electron/core/sync/identity/keys';
import { confirmIdentity, importIdentity } from '../../electron/core/sync/peers/identity-exchange';
import { fingerprint } from '../../electron/core/format/crypto/fingerprint';
import { identityFileOf, newParty } from '../sync/bundle-craft';
import { writeUsageBundle } from '../sync/bundle-gen';
import { cpuSplit, must, report, threadTicks } from './bench-util';
import { openFederationPair } from './federation-pair';

const N = Number(process.env.CST_BENCH_EVENTS ?? 200_000);
const root = mkdtempSync(join(tmpdir(), 'cst-bench-federation-'));

async function measure<T>(fn: () => Promise<T>): Promise<{ ms: number; cpu: { mainUsPerEvent: number }; value: T }> {
  const before = threadTicks();
  const t0 = performance.now();
  const value = await fn();
  const ms = performance.now() - t0;
  // The API closes its verifying worker before returning, and a finished thread's CPU leaves
  // /proc with it: only the writer's (main thread's) CPU is measured here.
  return { ms, cpu: { mainUsPerEvent: cpuSplit(before, threadTicks(), N).mainUsPerEvent ?? NaN }, value };
}

async function main(): Promise<void> {
  const { province, region } = await openFederationPair(root);
  try {

    const member = newParty('municipality', '041067', 'Urbino');
    importIdentity(province.ctx, identityFileOf(member));
    confirmIdentity(province.ctx, member.id, fingerprint(member.signingKey, member.ageRecipient));
    const file = join(root, 'urbino.cstb');
    const provinceKeys = loadInstallationKeys(join(root, 'province'));
    await writeUsageBundle({
      from: member,
      to: { kind: 'hub', id: 'CST-PU', ageRecipient: provinceKeys.ageRecipient },
      alsoTo: [loadInstallationKeys(join(root, 'region')).ageRecipient],
      count: N,
      idBase: 1,
      path: file,
      workDir: root,
      encrypt: true,
    });

    const atProvince = await measure(() => must<{ outcome: string }[]>(province, 'bundle.import', { files: [{ path: file }] }));
    if (atProvince.value[0]?.outcome !== 'applied') throw new Error(`province: ${JSON.stringify(atProvince.value[0])}`);
    const dir = join(root, 'forwarded');
    const forward = await measure(() => must<{ files: number }>(province, 'federation.forward', { dir }));
    const atRegion = await measure(() => must<{ results: { outcome: string }[] }>(region, 'federation.import', { dir }));
    if (atRegion.value.results[0]?.outcome !== 'applied') throw new Error(`region: ${JSON.stringify(atRegion.value.results[0])}`);

    const perEvent = (ms: number) => (ms * 1000) / N;
    report('federation-import.province', atProvince.ms, 'ms', { events: N, usPerEvent: perEvent(atProvince.ms), ...atProvince.cpu });
    report('federation-import.forward', forward.ms, 'ms', { events: N });
    report('federation-import.region', atRegion.ms, 'ms', { events: N, usPerEvent: perEvent(atRegion.ms), ...atRegion.cpu });
    report('federation-import.region-vs-province', atRegion.ms / atProvince.ms, 'ratio', {
      mainCpuRatio: atRegion.cpu.mainUsPerEvent / atProvince.cpu.mainUsPerEvent,
    });
  } finally {
    province.close();
    region.close();
    rmSync(root, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
