/**
 * A provincial hub (CST-PU) and its regional hub (REG-MARCHE), real backends in `root`, each
 * having confirmed the other by fingerprint: the set-up of the federation benchmarks.
 */
import { join } from 'node:path';
import { openBackend, type Backend } from '../../electron/core/app/backend';
import { fixedClock, sequentialIds } from '../../electron/core/platform/defaults';
import { must } from './bench-util';

const silent = { info() {}, warn() {}, error() {} };

/** Each installation its own ids (record ids are unique across installations, as UUIDv7s are). */
function open(root: string, name: string, idPrefix: number): Backend {
  return openBackend({ autoBackupDelayMs: false, dataDir: join(root, name), appVersion: 'bench', clock: fixedClock(), ids: sequentialIds(idPrefix), log: silent });
}

export async function openFederationPair(root: string): Promise<{ province: Backend; region: Backend }> {
  const province = open(root, 'province', 1);
  const region = open(root, 'region', 2);
  await must(province, 'setup.hub', { id: 'CST-PU', name: 'CST Pesaro-Urbino', province: 'PU', operator: 'bench' });
  await must(region, 'setup.hub', { id: 'REG-MARCHE', name: 'Regione Marche', operator: 'bench' });
  const regionId = await must<{ contentBase64: string }>(region, 'identity.export', {});
  const r = await must<{ fingerprint: string }>(province, 'federation.regional.import', { contentBase64: regionId.contentBase64 });
  await must(province, 'federation.regional.confirm', { fingerprint: r.fingerprint });
  const provinceId = await must<{ contentBase64: string }>(province, 'identity.export', {});
  const p = await must<{ id: string; fingerprint: string }>(region, 'federation.province.import', { contentBase64: provinceId.contentBase64 });
  await must(region, 'federation.province.confirm', { id: p.id, fingerprint: p.fingerprint });
  return { province, region };
}
