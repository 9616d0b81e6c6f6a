import type { IntegrityReport } from '../../../shared/domain/installation';
import type { AppContext } from '../platform/context';
import { AppError } from '../platform/errors';
import { loadInstallationKeys } from '../sync/identity/keys';
import { readInstallation } from '../platform/installation/installation-store';
import { SCHEMA_VERSION } from '../platform/store/migrations/index';
import { missingAppendOnlyTriggers } from '../platform/store/append-only';

/** The thorough check (integrity_check reads every page, unlike the quick_check done at start). */
export function checkStore(ctx: AppContext): IntegrityReport {
  const integrity = (ctx.db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
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
