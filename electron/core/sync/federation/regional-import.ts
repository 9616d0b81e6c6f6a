/**
 * The regional hub's side of federation (docs/federation.md): its provincial hubs, confirmed by
 * fingerprint; the members each one vouches for, from its signed roster, shown to the operator;
 * and the forwarded member bundles, applied through the ordinary import (the same 12 steps:
 * format/bundle/verify.ts reads a bundle addressed to a confirmed province, with its sender's
 * keys taken from that province's roster only — sync/peers/vouched-senders.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BundleImportResult } from '../../../../shared/domain/bundles';
import type { RegionalImportResult, RosterTaken } from '../../../../shared/domain/federation';
import type { AppContext } from '../../platform/context';
import { appError } from '../../platform/errors';
import { fingerprint } from '../../format/crypto/fingerprint';
import { keyIdHex, parseMinisignPublicKey } from '../../format/crypto/minisign';
import { requireInstallation } from '../../platform/installation/installation-store';
import { importBundles, retryWaiting, type BundleSource, type ImportOptions } from '../inbox/import';
import { findPeer, markPeerConfirmed, upsertPendingPeer } from '../peers/peers-store';
import { BUNDLES_FOLDER, checkFederationRoster, ROSTER_FILE, ROSTER_SIGNATURE_FILE, type FederationRosterJson } from './federation-roster';
import { findFederationHub, setRosterTaken, type FederationHubRecord } from './federation-store';

/** Reads the folder's roster and finds the confirmed province that signed it. */
function readRoster(ctx: AppContext, dir: string): { province: FederationHubRecord; text: string; signature: string; claimed: string } {
  let text: string;
  let signature: string;
  try {
    text = readFileSync(join(dir, ROSTER_FILE), 'utf8');
    signature = readFileSync(join(dir, ROSTER_SIGNATURE_FILE), 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw appError('federation.rosterMissing', { dir });
    throw appError('federation.unreadable', { dir, reason: code ?? String(err) });
  }
  // The roster names its province; its signature is checked against that province's confirmed key.
  let claimed: string;
  try {
    claimed = String((JSON.parse(text) as { hub?: unknown }).hub ?? '');
  } catch {
    throw appError('federation.rosterInvalid', { dir, id: '?', reason: 'JSON' });
  }
  const province = findFederationHub(ctx.db, 'province', claimed);
  if (!province) throw appError('federation.provinceUnknown', { id: claimed });
  if (province.status !== 'confirmed') throw appError('federation.provinceNotConfirmed', { name: province.name, id: province.id });
  return { province, text, signature, claimed };
}

/**
 * Takes a checked roster in one transaction: every member it names becomes a confirmed sender
 * for bundles forwarded by this province, unless another province already vouches for it, it is
 * a direct member of this hub, or its keys differ from those already confirmed here (named in
 * `refused`). Members no longer named stop being vouched for. An older serial changes nothing.
 */
function takeRoster(ctx: AppContext, province: FederationHubRecord, roster: FederationRosterJson): RosterTaken {
  const base = { province: province.id, serial: roster.serial, added: [] as string[], removed: [] as string[], refused: [] as { istat: string; reason: string }[] };
  const countVouched = () => ctx.db.prepare('SELECT COUNT(*) FROM federation_members WHERE province_id = ? AND vouched = 1').pluck().get(province.id) as number;
  if (roster.serial <= province.rosterSerial) return { ...base, taken: false, vouched: countVouched() };
  const at = ctx.clock.now();
  return ctx.db.transaction(() => {
    const named = new Set<string>();
    for (const m of roster.members) {
      const held = ctx.db.prepare('SELECT province_id, vouched FROM federation_members WHERE istat = ?').get(m.id) as { province_id: string; vouched: number } | undefined;
      if (held && held.province_id !== province.id && held.vouched === 1) {
        base.refused.push({ istat: m.id, reason: `già garantito dall'ufficio provinciale ${held.province_id}` });
        continue;
      }
      const peer = findPeer(ctx.db, 'municipality', m.id);
      if (peer && !held && peer.status === 'confirmed') {
        base.refused.push({ istat: m.id, reason: 'socio diretto di questo consorzio' });
        continue;
      }
      if (peer?.status === 'confirmed' && (peer.signingKey !== m.signing_key || peer.ageRecipient !== m.age_recipient)) {
        base.refused.push({ istat: m.id, reason: `chiavi diverse da quelle già confermate (impronta ${peer.fingerprint})` });
        continue;
      }
      if (!peer || peer.status !== 'confirmed') {
        upsertPendingPeer(ctx.db, {
          kind: 'municipality',
          id: m.id,
          name: m.name,
          signingKey: m.signing_key,
          keyId: keyIdHex(parseMinisignPublicKey(m.signing_key).keyId),
          ageRecipient: m.age_recipient,
          fingerprint: fingerprint(m.signing_key, m.age_recipient),
          identityCreatedAt: roster.issued_at,
          importedAt: at,
        });
        markPeerConfirmed(ctx.db, (findPeer(ctx.db, 'municipality', m.id) as { peerNo: number }).peerNo, at);
      }
      if (!held || held.province_id !== province.id || held.vouched === 0) base.added.push(m.id);
      ctx.db
        .prepare(
          `INSERT INTO federation_members (istat, province_id, name, roster_serial, vouched) VALUES (?, ?, ?, ?, 1)
           ON CONFLICT (istat) DO UPDATE SET province_id = excluded.province_id, name = excluded.name, roster_serial = excluded.roster_serial, vouched = 1`,
        )
        .run(m.id, province.id, m.name, roster.serial);
      named.add(m.id);
    }
    const before = ctx.db.prepare('SELECT istat FROM federation_members WHERE province_id = ? AND vouched = 1').pluck().all(province.id) as string[];
    for (const istat of before) {
      if (named.has(istat)) continue;
      ctx.db.prepare('UPDATE federation_members SET vouched = 0 WHERE istat = ?').run(istat);
      base.removed.push(istat);
    }
    setRosterTaken(ctx.db, province.id, roster.serial, at);
    ctx.log.info('federation roster taken', { province: province.id, serial: roster.serial, added: base.added.length, removed: base.removed.length, refused: base.refused.length });
    return { ...base, taken: true, vouched: countVouched() };
  })();
}

/**
 * Checks a roster forwarded by `province` (its confirmed key, naming it, meant for this regional
 * hub) and takes it. `refuse` makes the refusal's message (where the roster came from).
 */
export function takeProvinceRoster(ctx: AppContext, province: FederationHubRecord, text: string, signature: string, refuse: (reason: string) => never): RosterTaken {
  const us = requireInstallation(ctx.db);
  let check;
  try {
    check = checkFederationRoster(text, signature, province.signingKey);
  } catch {
    refuse('format'); // a signature file that does not even parse
  }
  if (!check.ok) refuse(check.reason);
  if (check.roster.hub !== province.id) refuse('hub');
  if (check.roster.region !== us.id) throw appError('federation.rosterOtherRegion', { id: province.id, region: check.roster.region });
  return takeRoster(ctx, province, check.roster);
}

/**
 * The forwarded files of `province` through the ordinary import, each result naming the province
 * (an altered file points at who forwarded it); then the bundles kept before a roster vouched for
 * their sender (`added`) apply.
 */
export async function importFromProvince(
  ctx: AppContext,
  province: FederationHubRecord,
  sources: BundleSource[],
  added: readonly string[],
  options: ImportOptions,
): Promise<Pick<RegionalImportResult, 'results' | 'alsoApplied'>> {
  const forwardedBy = { id: province.id, name: province.name };
  const imported = sources.length > 0 ? await importBundles(ctx, sources, options) : [];
  // Bundles kept before this roster vouched for their sender (E_UNKNOWN_SENDER) now apply.
  const alsoApplied: BundleImportResult[] = [];
  for (const istat of added) alsoApplied.push(...(await retryWaiting(ctx, { kind: 'municipality', id: istat }, ['kept', 'pending'], options)));
  return { results: imported.map((r) => ({ ...r, forwardedBy })), alsoApplied };
}

/**
 * `federation.import`: the roster first (refused as a whole if it does not verify under the
 * confirmed province's key or is meant for another region), then every forwarded file through
 * the ordinary import, in name order (any order works: a gap waits, a duplicate is a no-op).
 * Each result names the province that forwarded it, so an altered file points at who altered it.
 */
export async function importForwarded(ctx: AppContext, input: { dir: string }, options: ImportOptions): Promise<RegionalImportResult> {
  const us = requireInstallation(ctx.db);
  if (us.role !== 'hub') throw appError('federation.hubOnly');
  const dir = resolve(input.dir);
  const { province, text, signature } = readRoster(ctx, dir);
  const roster = takeProvinceRoster(ctx, province, text, signature, (reason) => {
    throw appError('federation.rosterInvalid', { dir, id: province.id, reason });
  });

  let names: string[];
  try {
    names = readdirSync(join(dir, BUNDLES_FOLDER)).filter((n) => /^[0-9a-f]{64}\.cstb$/.test(n)).sort();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') throw appError('federation.unreadable', { dir, reason: code ?? String(err) });
    names = [];
  }
  const sources = names.map((n) => ({ path: join(dir, BUNDLES_FOLDER, n), name: `${province.id}/${n}` }));
  return { province: { id: province.id, name: province.name }, roster, ...(await importFromProvince(ctx, province, sources, roster.added, options)) };
}
