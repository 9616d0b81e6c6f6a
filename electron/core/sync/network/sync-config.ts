/**
 * Where this installation syncs: the mailbox address and the shared folder, kept in `settings`.
 * The address is checked here once, so every later use can trust it.
 */
import type Database from 'better-sqlite3';
import { MAILBOX_URL_MAX, normalizedMailboxUrl } from '../../../../shared/records/hub-mailbox';
import { appError } from '../../platform/errors';
import { readTextSetting as readSetting, writeTextSetting as writeSetting } from '../../platform/settings/settings-store';

export const MAILBOX_SETTING = 'sync.mailbox';
export const FOLDER_SETTING = 'sync.folder';
/** The address the hub announced in its `mailbox_address` record (written by its projector, mailbox-announcement.ts). */
export const ANNOUNCED_MAILBOX_SETTING = 'sync.mailboxFromHub';

export function readMailbox(db: Database.Database): string | null {
  return readSetting(db, MAILBOX_SETTING);
}

export function readAnnouncedMailbox(db: Database.Database): string | null {
  return readSetting(db, ANNOUNCED_MAILBOX_SETTING);
}

export function writeAnnouncedMailbox(db: Database.Database, url: string | null): void {
  writeSetting(db, ANNOUNCED_MAILBOX_SETTING, url === null ? null : normalizeMailboxUrl(url));
}

/** The address the agent uses: the one typed here, else the one the hub announced. */
export function effectiveMailbox(db: Database.Database): { url: string | null; fromHub: boolean } {
  const own = readMailbox(db);
  if (own) return { url: own, fromHub: false };
  const announced = readAnnouncedMailbox(db);
  return { url: announced, fromHub: announced !== null };
}

export function readSyncFolder(db: Database.Database): string | null {
  return readSetting(db, FOLDER_SETTING);
}

/** The address in its stored form (shared/records/hub-mailbox.ts has the rule), or a message for the clerk. */
export function normalizeMailboxUrl(typed: string): string {
  const url = normalizedMailboxUrl(typed);
  if (url === null) throw appError('sync.mailboxInvalid', { url: typed.slice(0, MAILBOX_URL_MAX) }, { field: 'mailbox' });
  return url;
}

export function writeMailbox(db: Database.Database, typed: string | null): string | null {
  const value = typed === null || typed.trim() === '' ? null : normalizeMailboxUrl(typed);
  writeSetting(db, MAILBOX_SETTING, value);
  return value;
}

export function writeSyncFolder(db: Database.Database, folder: string | null): void {
  writeSetting(db, FOLDER_SETTING, folder);
}
