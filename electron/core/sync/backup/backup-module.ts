import type { HandlerGroup } from '../../platform/api/handler-table';
import type { FeatureModule } from '../../platform/api/feature-module';
import { backupOverview, takeBackup } from './backup-service';

export const backupHandlers = {
  'backup.list': (ctx) => backupOverview(ctx),
  'backup.now': (ctx) => takeBackup(ctx),
} satisfies HandlerGroup;

/** Verified copies of the database, with rotation. */
export const backupModule = { name: 'sync/backup', handlers: backupHandlers } satisfies FeatureModule;
