import type { IntegrityReport } from '../../../shared/domain/installation';
import type { AppContext } from '../platform/context';
import { AppError } from '../platform/errors';
import { loadInstallationKeys } from '../sync/identity/keys';
import { readInstallation } from '../platform/installation/installation-store';
import { SCHEMA_VERSION } from '../platform/store/migrations/index';
import { missingAppendOnlyTriggers } from '../platform/store/append-only';
import { recordFullCheck } from '../platform/store/startup-check';

/**
 * The thorough check (integrity_check reads every page and index entry, more than the start-up
 * check usually does: platform/store/startup-check.ts). A pass counts as the week's full check.
 */
export function checkStore(ctx: AppContext): IntegrityReport {
  const integrity = (ctx.db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
  if (integrity.length === 1 && integrity[0] === 'ok') recordFullCheck(ctx.db, new Date(ctx.clock.now()));
  const schemaVersion = ctx.db.pragma('user_version', { simple: true }) as number;
  const installation = readInstallation(ctx.db);
  let keys = 'non configurata';
  if (installation) {
    try {
      const loaded = loadInstallationKeys(ctx.dataDir);
      keys = loaded.signingKey === installation.signingKey && loaded.ageRecipient === installation.ageRecipient ? 'ok' : 'le chiavi non corrispondono a quelle registrate nel database';
    } catch (err) {
      keys = err instanceof AppError ? err.message : String(err);
    }
  }
  const missing = missingAppendOnlyTriggers(ctx.db);
  const ok = integrity.length === 1 && integrity[0] === 'ok' && schemaVersion === SCHEMA_VERSION && (keys === 'ok' || !installation) && missing.length === 0;
  return { ok, dataDir: ctx.dataDir, schemaVersion, supportedSchemaVersion: SCHEMA_VERSION, integrity, keys, missingAppendOnlyTriggers: missing };
}
