import type { HandlerGroup } from '../../platform/api/handler-table';
import type { FeatureModule } from '../../platform/api/feature-module';
import { backupOverview, takeBackup } from './backup-service';
import { previewRestore, restoreFromWindow } from './restore-from-window';

export const backupHandlers = {
  'backup.list': (ctx) => backupOverview(ctx),
  'backup.now': (ctx) => takeBackup(ctx),
  'backup.restorePreview': (ctx, input) => previewRestore(ctx, input),
  'backup.restore': (ctx, input) => restoreFromWindow(ctx, input),
} satisfies HandlerGroup;

/** Verified copies of the database, with rotation, and restoring one from the window. */
export const backupModule = { name: 'sync/backup', handlers: backupHandlers } satisfies FeatureModule;
