import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Municipality } from '../../../../shared/domain/installation';
import type { AppContext, Log } from '../../platform/context';
import { fixedClock } from '../../platform/defaults';
import { appError } from '../../platform/errors';
import { exportBundles } from '../../sync/bundles/export';
import { exportIdentity } from '../../sync/identity/identity';
import { confirmIdentity, importIdentity } from '../../sync/peers/identity-exchange';
import { openBackend } from '../backend';
import { setupMunicipality } from '../setup/setup';
import { fillDemo } from '../demo/demo';
import { keySeed, memberIds, recordSeed } from './national-seeds';

export interface SimulatedMemberInput {
  seed: number;
  /** The member's position in the run: orders its record ids after the previous members'. */
  index: number;
  municipality: Municipality;
  months: number;
  /** The simulated end of the period (ISO): the members' clock. */
  until: string;
  /** The hub's identity file, imported and confirmed as a clerk would after the phone call. */
  hubIdentity: Buffer;
  /** Where the member's installation lives while it writes (removed afterwards) and its bundle goes. */
  workDir: string;
  appVersion: string;
  log: Log;
}

export interface SimulatedMember {
  istat: string;
  /** The member's identity file, for the hub to enrol. */
  identity: Buffer;
  bundlePath: string;
  events: number;
}

/**
 * One municipality as a real installation in its own folder: set up with keys derived from the
 * seed, the consortium's identity confirmed, its period of usage, staff, training, groups and
 * proposals written through the services the window calls (fillDemo), then everything exported
 * as ONE signed, encrypted bundle for the hub. The folder is removed; only the bundle stays.
 */
export async function simulateMember(input: SimulatedMemberInput): Promise<SimulatedMember> {
  const { municipality: m } = input;
  const dataDir = join(input.workDir, m.istat);
  const ids = memberIds(input.seed, m.istat, input.index);
  const member = openBackend({ dataDir, appVersion: input.appVersion, clock: fixedClock(input.until), ids, log: input.log, autoBackupDelayMs: false });
  try {
    const ctx = member.ctx;
    setupMunicipality(ctx, { istat: m.istat, operator: 'Dimostrazione' }, keySeed(input.seed, m.istat));
    enrol(ctx, input.hubIdentity);
    const summary = fillDemo(ctx, { months: input.months, seed: recordSeed(input.seed, m.istat) }, ids);
    const [exported] = await exportBundles(ctx, { out: join(input.workDir, `${m.istat}.cstb`) });
    if (!exported) throw appError('demo.stepRefused', { method: 'bundle.export', detail: m.istat });
    return { istat: m.istat, identity: exportIdentity(ctx).bytes, bundlePath: exported.path, events: summary.events };
  } finally {
    member.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Imports an identity file and confirms it with the fingerprint it carries (the phone call, simulated). */
export function enrol(ctx: AppContext, identityFile: Buffer): void {
  const peer = importIdentity(ctx, identityFile);
  confirmIdentity(ctx, peer.id, peer.fingerprint);
}
