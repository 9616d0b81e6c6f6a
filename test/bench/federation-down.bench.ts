/**
 * Federation (issue 12): the regional hub's own stream down to a province's members. A province
 * vouching for CST_BENCH_MEMBERS municipalities (default 300, a large province); the region holds
 * 50 courses and a report. Measured: the region's export for the province (encrypted to the
 * province and to every member: one age stanza each), the province's import, forward-members
 * (one copy per member), and a member opening the file (age header: its stanza is the last).
 * Real backends, real worker.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ageDecrypt } from '../../electron/core/format/crypto/age';
import { confirmIdentity, importIdentity } from '../../electron/core/sync/peers/identity-exchange';
import { fingerprint } from '../../electron/core/format/crypto/fingerprint';
import { identityFileOf, newParty } from '../sync/bundle-craft';
import { must, report } from './bench-util';
import { openFederationPair } from './federation-pair';

const M = Number(process.env.CST_BENCH_MEMBERS ?? 300);
const root = mkdtempSync(join(tmpdir(), 'cst-bench-federation-down-'));

async function timed<T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

async function main(): Promise<void> {
  const { province, region } = await openFederationPair(root);
  try {

    const members = Array.from({ length: M }, (_, i) => newParty('municipality', String(99001 + i).padStart(6, '0'), `Comune ${i + 1}`));
    for (const m of members) {
      // The registry first (a hub takes identities of its members only); codes past the real ones.
      province.ctx.db
        .prepare("INSERT OR IGNORE INTO members (istat, name, province, population, population_year, status, added_at) VALUES (?, ?, 'PU', NULL, NULL, 'pending', '2026-11-26T09:00:00.000Z')")
        .run(m.id, m.name);
      importIdentity(province.ctx, identityFileOf(m));
      confirmIdentity(province.ctx, m.id, fingerprint(m.signingKey, m.ageRecipient));
    }
    const up = join(root, 'up');
    await must(province, 'federation.forward', { dir: up });
    await must(region, 'federation.import', { dir: up });

    for (let i = 0; i < 50; i++) {
      const d = `2026-12-${String(1 + (i % 28)).padStart(2, '0')}`;
      await must(region, 'hub.courses.save', { title: `Corso regionale ${i + 1}`, startDate: d, endDate: d, hours: '4' });
    }
    await must(region, 'federation.report.publish', { year: 2026 });

    const exp = await timed(() => must<{ path: string; bytes: number; events: number; sha256: string }[]>(region, 'bundle.export', { dir: join(root), for: 'CST-PU' }));
    const file = exp.value[0]!;
    const atProvince = await timed(() => must<{ outcome: string }[]>(province, 'bundle.import', { files: [{ path: file.path }] }));
    if (atProvince.value[0]?.outcome !== 'applied') throw new Error(`province: ${JSON.stringify(atProvince.value[0])}`);
    const down = await timed(() => must<{ files: number; bytes: number }>(province, 'federation.forwardDown', { dir: join(root, 'down') }));
    if (down.value.files !== M) throw new Error(`forwarded ${down.value.files} files, expected ${M}`);
    const last = members[M - 1]!;
    const bytes = readFileSync(join(root, 'down', last.id, `${file.sha256}.cstb`));
    const opened = await timed(() => ageDecrypt(bytes, [last.ageIdentity]));

    report('federation-down.region-export', exp.ms, 'ms', { members: M, events: file.events, bytes: file.bytes });
    report('federation-down.province-import', atProvince.ms, 'ms', { events: file.events });
    report('federation-down.forward-members', down.ms, 'ms', { members: M, files: down.value.files, bytes: down.value.bytes });
    report('federation-down.member-decrypt', opened.ms, 'ms', { stanzas: M + 1, bytes: bytes.length });
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
