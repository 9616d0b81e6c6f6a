/** A hub and municipalities side by side in one process, identities exchanged and confirmed. */
import { expect } from 'vitest';
import { openTestBackend, type TestBackend } from '../helpers/backend';
import { tempDir } from '../helpers/temp-dir';

export async function introduce(a: TestBackend, b: TestBackend): Promise<void> {
  const file = await a.must('identity.export', {});
  const peer = await b.must('identity.import', { contentBase64: file.contentBase64 });
  await b.must('identity.confirm', { id: peer.id, fingerprint: peer.fingerprint });
}

export async function openHub(start = '2026-11-26T08:00:00.000Z'): Promise<TestBackend> {
  const hub = openTestBackend({ start });
  await hub.must('setup.hub', { id: 'CST-PU', name: 'CST Pesaro-Urbino', province: 'PU', operator: 'Ufficio CST' });
  return hub;
}

export async function openTown(hub: TestBackend, istat: string, start = '2026-11-26T08:00:00.000Z'): Promise<TestBackend> {
  const town = openTestBackend({ start });
  await town.must('setup.municipality', { istat, operator: `Operatore ${istat}` });
  await introduce(town, hub);
  await introduce(hub, town);
  return town;
}

/** The hub's bundle for one member, imported there; returns the import result. */
export async function hubToTown(hub: TestBackend, town: TestBackend, istat: string) {
  const [exp] = await hub.must('bundle.export', { dir: tempDir(), for: istat });
  const [res] = await town.must('bundle.import', { files: [{ path: exp!.path }] });
  expect(res!.code, res!.message).toBeNull();
  return { exp: exp!, res: res! };
}

/** The member's bundle (what the hub has not acknowledged), imported by the hub. */
export async function townToHub(town: TestBackend, hub: TestBackend) {
  const [exp] = await town.must('bundle.export', { dir: tempDir() });
  const [res] = await hub.must('bundle.import', { files: [{ path: exp!.path }] });
  expect(res!.code, res!.message).toBeNull();
  return { exp: exp!, res: res! };
}
