import { z } from 'zod';
import { localPath } from './local-path';
import type { ProvinceCollection } from './federation';

/**
 * Network sync (docs/sync.md): where the mailbox is, and what the sync agent says about itself.
 * The window sees and sets the mailbox address; a shared folder is a local path, so it is set
 * from the CLI (`cst sync config --folder`) or Electron's own folder dialog, never by the page.
 */
export const SyncConfigInput = z
  .object({
    /** The mailbox's address (`https://…`, or `http://` on loopback/LAN); null removes it. */
    mailbox: z.string().trim().max(300).nullable().optional(),
    /** A shared folder used as a second courier; null removes it. CLI and Electron only. */
    folder: localPath().nullable().optional(),
  })
  .strict();
export type SyncConfigInput = z.infer<typeof SyncConfigInput>;

export type SyncState =
  /** Neither a mailbox nor a folder is configured. */
  | 'off'
  /** Waiting for the next round; the last one succeeded. */
  | 'idle'
  /** A round is running. */
  | 'syncing'
  /** The last round could not reach the mailbox: backing off. */
  | 'offline'
  /** The mailbox answered but refused (not enrolled, clock, quota…): said in `lastError`. */
  | 'error';

/** A message said to the clerk: a catalogue key with its parameters, and both texts. */
export interface SyncMessage {
  key: string;
  params: Record<string, string | number>;
  it: string;
  en: string;
}

export interface SyncTransfer {
  direction: 'up' | 'down';
  /** Bytes. */
  done: number;
  total: number;
}

export interface NetworkSyncStatus {
  /**
   * Grows with every status the core says, answer or push (not a time: only compared). Answers
   * and pushes travel apart (the browser shell's pushes on their own stream), so either may
   * arrive late: the window keeps the status of the highest revision, whichever came last.
   */
  revision: number;
  mailbox: string | null;
  folder: string | null;
  /** The mailbox address came from the hub's announcement, not typed here. */
  mailboxFromHub: boolean;
  state: SyncState;
  lastSuccessAt: string | null;
  lastAttemptAt: string | null;
  nextAttemptAt: string | null;
  lastError: SyncMessage | null;
  /** Our events the other side has not acknowledged (the hub: summed over members). */
  eventsToSend: number;
  /** Bundles written and not yet complete in the mailbox. */
  bundlesToSend: number;
  /** Bundles received and waiting to be applied (a gap, an identity not confirmed). */
  bundlesToApply: number;
  transfer: SyncTransfer | null;
  /** What the last round did. */
  lastRound: { at: string; sent: number; received: number; applied: number } | null;
  /**
   * Federation through the mailbox (docs/federation.md): on a provincial hub, the member files
   * not yet forwarded to its regional hub; on a regional hub, each province with a mailbox and
   * its last collection. Null on an installation with neither.
   */
  federation?: FederationSyncStatus | null;
}

export interface FederationSyncStatus {
  /** Provincial hub: received member files not yet forwarded to the regional hub (null: none confirmed). */
  toForward: {
    region: string;
    /** Member files waiting to go up. */
    files: number;
    /** Member files set aside: encrypted to this hub alone, the regional hub could not open them. */
    notForRegion: number;
    /** The regional hub's files waiting to go down to the members' inboxes (one a member and file). */
    toMembers: number;
  } | null;
  /** Regional hub: the provinces whose mailbox it collects from. */
  provinces: {
    id: string;
    name: string;
    mailbox: string;
    /** The last collection (null before the first); its `error`, if any, said in both languages. */
    lastCollection: (Omit<ProvinceCollection, 'error'> & { error: SyncMessage | null }) | null;
  }[];
}
