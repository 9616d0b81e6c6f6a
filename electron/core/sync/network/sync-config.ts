/**
 * Where this installation syncs: the mailbox address and the shared folder, kept in `settings`.
 * The address is checked here once, so every later use can trust it.
 */
import type Database from 'better-sqlite3';
import { appError } from '../../platform/errors';

export const MAILBOX_SETTING = 'sync.mailbox';
export const FOLDER_SETTING = 'sync.folder';
/** The address the hub announced in its `mailbox_announcement` record (written by its projector). */
export const ANNOUNCED_MAILBOX_SETTING = 'sync.mailboxFromHub';

function readSetting(db: Database.Database, key: string): string | null {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value || null;
}

function writeSetting(db: Database.Database, key: string, value: string | null): void {
  if (value === null) db.prepare('DELETE FROM settings WHERE key = ?').run(key);
  else db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}

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

/**
 * `http://` or `https://`, a host, no user or password, no query or fragment; the path is the
 * mailbox's base (a reverse proxy may serve it under one). Stored without a trailing slash.
 */
export function normalizeMailboxUrl(typed: string): string {
  let url: URL;
  try {
    url = new URL(typed.trim());
  } catch {
    throw appError('sync.mailboxInvalid', { url: typed }, { field: 'mailbox' });
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname || url.username || url.password || url.search || url.hash) {
    throw appError('sync.mailboxInvalid', { url: typed }, { field: 'mailbox' });
  }
  return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
}

export function writeMailbox(db: Database.Database, typed: string | null): string | null {
  const value = typed === null || typed.trim() === '' ? null : normalizeMailboxUrl(typed);
  writeSetting(db, MAILBOX_SETTING, value);
  return value;
}

export function writeSyncFolder(db: Database.Database, folder: string | null): void {
  writeSetting(db, FOLDER_SETTING, folder);
}
