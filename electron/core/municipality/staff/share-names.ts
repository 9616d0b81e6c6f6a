import type { AppContext } from '../../platform/context';
import { stmt } from '../../platform/store/statements';

/** "Condividi i nomi con il consorzio": off unless the municipality turns it on. */
export function readShareNames(ctx: AppContext): boolean {
  return stmt(ctx.db, "SELECT value FROM settings WHERE key = 'share_names'").pluck().get() === '1';
}

export function writeSetting(ctx: AppContext, key: string, value: string): void {
  stmt(ctx.db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}
