/**
 * The automatic backup: shortly after the backend opens, when the newest copy is older than a
 * day (or there is none), one is taken in the background. Never at start-up itself (the window
 * must open at once) and never thrown: a failure is logged and kept for Settings.
 */
import type { AppContext } from '../../platform/context';
import { readInstallation } from '../../platform/installation/installation-store';
import { listBackups, takeBackup } from './backup-service';

export const AUTO_BACKUP_DELAY_MS = 60_000;
export const AUTO_BACKUP_MAX_AGE_MS = 24 * 60 * 60 * 1000;

export function backupIsDue(ctx: AppContext): boolean {
  if (!readInstallation(ctx.db)) return false; // nothing to keep before setup
  const newest = listBackups(ctx.dataDir).find((b) => b.ok);
  if (!newest) return true;
  return Date.parse(ctx.clock.now()) - Date.parse(newest.takenAt) >= AUTO_BACKUP_MAX_AGE_MS;
}

/**
 * Schedules the check-and-backup after `delayMs`; returns the cancel function backend.close() calls.
 * The timer is unref'd: a short `cst` command never waits for it, and never takes a backup.
 */
export function scheduleAutoBackup(ctx: AppContext, delayMs = AUTO_BACKUP_DELAY_MS): () => void {
  const timer = setTimeout(() => {
    if (!ctx.db.open) return;
    let due: boolean;
    try {
      due = backupIsDue(ctx);
    } catch (err) {
      ctx.log.warn('automatic backup check failed', { error: String(err) });
      return;
    }
    // takeBackup records and logs its own failure; nothing else to do here.
    if (due) takeBackup(ctx).catch(() => undefined);
  }, delayMs);
  timer.unref();
  return () => clearTimeout(timer);
}
