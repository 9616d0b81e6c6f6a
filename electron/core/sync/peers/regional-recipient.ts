/**
 * A municipality's knowledge of the regional hub its hub reports to (docs/federation.md): the
 * regional hub's public keys, from the hub's `regional_hub` record, and up to where our stream
 * was already encrypted to it. The bundle writer reads it to encrypt to both hubs.
 */
import type Database from 'better-sqlite3';
import { readTextSetting, writeTextSetting } from '../../platform/settings/settings-store';

export const REGIONAL_SETTING = 'federation.regional';

export interface RegionalRecipient {
  id: string;
  name: string;
  ageRecipient: string;
  fingerprint: string;
  /** Our last event already sent encrypted to the regional hub (0: nothing yet). */
  coveredSeq: number;
}

export function readRegionalRecipient(db: Database.Database): RegionalRecipient | null {
  const text = readTextSetting(db, REGIONAL_SETTING);
  return text ? (JSON.parse(text) as RegionalRecipient) : null;
}

/**
 * The hub announced (or withdrew, `null`) its regional hub. The same keys again keep what was
 * covered; another regional hub (or new keys) starts from nothing: its first bundle carries our
 * whole stream, since it holds none of it.
 */
export function writeAnnouncedRegional(db: Database.Database, announced: Omit<RegionalRecipient, 'coveredSeq'> | null): void {
  if (!announced) {
    writeTextSetting(db, REGIONAL_SETTING, null);
    return;
  }
  const current = readRegionalRecipient(db);
  const same = current && current.id === announced.id && current.ageRecipient === announced.ageRecipient;
  writeTextSetting(db, REGIONAL_SETTING, JSON.stringify({ ...announced, coveredSeq: same ? current.coveredSeq : 0 }));
}

/** After a bundle encrypted to the regional hub was written: what it carried is covered. */
export function markRegionalCovered(db: Database.Database, lastSeq: number): void {
  const current = readRegionalRecipient(db);
  if (current && lastSeq > current.coveredSeq) writeTextSetting(db, REGIONAL_SETTING, JSON.stringify({ ...current, coveredSeq: lastSeq }));
}
