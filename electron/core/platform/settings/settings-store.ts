import type Database from 'better-sqlite3';
import { Locale } from '../../../../shared/domain/ids';

export function readLocale(db: Database.Database): Locale {
  const row = db.prepare("SELECT value FROM settings WHERE key = 'locale'").get() as { value: string } | undefined;
  const parsed = Locale.safeParse(row?.value);
  return parsed.success ? parsed.data : 'it';
}

export function writeLocale(db: Database.Database, locale: Locale): void {
  db.prepare("INSERT INTO settings (key, value) VALUES ('locale', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(locale);
}

/** The operator's name set in Settings, if any (it overrides the one given at setup). */
export function readOperatorSetting(db: Database.Database): string | null {
  const row = db.prepare("SELECT value FROM settings WHERE key = 'operator'").get() as { value: string } | undefined;
  return row?.value || null;
}

/** A text setting, or null when absent or empty. */
export function readTextSetting(db: Database.Database, key: string): string | null {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value || null;
}

/** Sets a text setting; null removes it. */
export function writeTextSetting(db: Database.Database, key: string, value: string | null): void {
  if (value === null) db.prepare('DELETE FROM settings WHERE key = ?').run(key);
  else db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}
