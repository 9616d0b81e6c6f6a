import type { HandlerGroup } from '../../platform/api/handler-table';
import type { FeatureModule } from '../../platform/api/feature-module';
import type { AppContext } from '../../platform/context';
import type { ImportOptions } from '../inbox/import';
import { defaultVerifier } from '../../format/worker/verifier';
import { applyRecovery, recoveryStatus } from './recovery-apply';
import { exportRecovery } from './recovery-export';

async function withVerifier<T>(ctx: AppContext, fn: (options: ImportOptions) => Promise<T>): Promise<T> {
  const verifier = defaultVerifier();
  try {
    return await fn({ verifier, onProgress: (done, total) => ctx.emit('task.progress', { taskId: 'bundle.import', label: 'Pacchetto di recupero', done, total }) });
  } finally {
    await verifier.close();
  }
}

/** Issue 4, docs/design.md "Restores": a member restored from an old backup gets its own events back from the hub. */
export const recoveryHandlers = {
  'recovery.status': (ctx) => recoveryStatus(ctx),
  'recovery.export': (ctx, input) => exportRecovery(ctx, { for: input.for, plain: input.plain, ...(input.out ? { out: input.out } : {}) }),
  'recovery.apply': (ctx, input) =>
    withVerifier(ctx, (options) => applyRecovery(ctx, 'path' in input ? { path: input.path } : { name: input.name, bytes: Buffer.from(input.contentBase64, 'base64') }, options)),
} satisfies HandlerGroup;

/** A town hall restored from an old copy gets its records back from the hub's recovery bundle. */
export const recoveryModule = { name: 'sync/recovery', handlers: recoveryHandlers } satisfies FeatureModule;
