import type { HandlerGroup } from '../../platform/api/handler-table';
import { backupOverview, takeBackup } from './backup-service';

export const backupHandlers = {
  'backup.list': (ctx) => backupOverview(ctx),
  'backup.now': (ctx) => takeBackup(ctx),
} satisfies HandlerGroup;
