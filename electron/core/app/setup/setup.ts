import type { Installation } from '../../../../shared/domain/installation';
import type { ParsedInput } from '../../../../shared/api/contract';
import type { AppContext } from '../../platform/context';
import { appError } from '../../platform/errors';
import { createInstallationKeys } from '../../sync/identity/keys';
import { insertInstallation, readInstallation, toInstallation, type InstallationRecord } from '../../platform/installation/installation-store';
import { insertMembers } from './members-store';
import { findMunicipality, municipalitiesOfProvince } from '../../platform/reference/municipalities';

/** `keySeed`: reproducible keys, for the national demo's simulated members only (keys.ts). */
export function setupMunicipality(ctx: AppContext, input: ParsedInput<'setup.municipality'>, keySeed?: Buffer): Installation {
  refuseIfInitialized(ctx);
  const municipality = findMunicipality(input.istat);
  if (!municipality) {
    throw appError('setup.istatUnknown', { istat: input.istat }, { field: 'istat' });
  }
  return initialize(ctx, { role: 'municipality', id: municipality.istat, name: municipality.name, operator: input.operator, province: municipality.province }, undefined, keySeed);
}

export function setupHub(ctx: AppContext, input: ParsedInput<'setup.hub'>, keySeed?: Buffer): Installation {
  refuseIfInitialized(ctx);
  const members = input.province ? municipalitiesOfProvince(input.province) : [];
  if (input.province && members.length === 0) {
    throw appError('setup.provinceUnknown', { province: input.province }, { field: 'province' });
  }
  return initialize(ctx, { role: 'hub', id: input.id, name: input.name, operator: input.operator ?? '', province: input.province ?? null }, (at) =>
    insertMembers(ctx.db, members, at),
  keySeed);
}

function refuseIfInitialized(ctx: AppContext): void {
  const existing = readInstallation(ctx.db);
  if (existing) {
    throw appError(existing.role === 'hub' ? 'setup.alreadyHub' : 'setup.alreadyMunicipality', { name: existing.name, id: existing.id });
  }
}

/**
 * Keys are written first (atomically) and the installation row last, in one transaction: an
 * interrupted setup leaves no installation row, so it can simply be run again.
 */
function initialize(
  ctx: AppContext,
  base: Pick<Installation, 'role' | 'id' | 'name' | 'operator' | 'province'>,
  alsoInTransaction?: (at: string) => void,
  keySeed?: Buffer,
): Installation {
  const keys = createInstallationKeys(ctx.dataDir, keySeed);
  const record: InstallationRecord = {
    ...base,
    createdAt: ctx.clock.now(),
    keyId: keys.keyId,
    signingKey: keys.signingKey,
    ageRecipient: keys.ageRecipient,
  };
  ctx.db.transaction(() => {
    insertInstallation(ctx.db, record);
    alsoInTransaction?.(record.createdAt);
  })();
  ctx.log.info('installation initialized', { role: record.role, id: record.id });
  return toInstallation(record);
}
