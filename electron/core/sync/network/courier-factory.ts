/**
 * Which courier a round uses: the mailbox when an address is known (typed here, else the one
 * the hub announced), else the shared folder, else none (network sync is off). One courier per
 * round: both carry the same files with the same semantics, so switching loses nothing.
 *
 * The mailbox client is the real one (mailbox-courier.ts) unless a test passes another maker
 * (e.g. one that wraps it to count or break calls).
 */
import type Database from 'better-sqlite3';
import type { Courier, Recipient } from './courier';
import { createFolderCourier } from './folder-courier';
import { createMailboxCourier } from './mailbox-courier';
import { loadInstallationKeys } from '../identity/keys';
import { effectiveMailbox, readSyncFolder } from './sync-config';

export type MailboxCourierMaker = (opts: { baseUrl: string; dataDir: string; self: Recipient }) => Courier;

/** The real mailbox client, signing with this installation's keys. */
export const realMailboxCourier: MailboxCourierMaker = ({ baseUrl, dataDir }) => createMailboxCourier({ baseUrl, keys: loadInstallationKeys(dataDir) });

export type CourierChoice =
  | { kind: 'off' }
  | { kind: 'mailbox'; baseUrl: string; courier: Courier }
  | { kind: 'folder'; folder: string; courier: Courier };

export function chooseCourier(db: Database.Database, dataDir: string, self: Recipient, makeMailbox: MailboxCourierMaker = realMailboxCourier): CourierChoice {
  const mailbox = effectiveMailbox(db).url;
  const folder = readSyncFolder(db);
  if (mailbox) return { kind: 'mailbox', baseUrl: mailbox, courier: makeMailbox({ baseUrl: mailbox, dataDir, self }) };
  if (folder) return { kind: 'folder', folder, courier: createFolderCourier({ folder, self }) };
  return { kind: 'off' };
}
