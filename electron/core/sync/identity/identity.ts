import type { IdentityInfo } from '../../../../shared/domain/installation';
import { buildIdentityFile, type IdentityJson } from '../../format/container/identity-file';
import type { AppContext } from '../../platform/context';
import { fingerprint } from '../../format/crypto/fingerprint';
import { requireInstallation, type InstallationRecord } from '../../platform/installation/installation-store';
import { loadInstallationKeys } from './keys';

export function identityJson(inst: InstallationRecord): IdentityJson {
  return {
    format: 'cst-identity',
    version: 1,
    kind: inst.role,
    id: inst.id,
    name: inst.name,
    signing_key: inst.signingKey,
    age_recipient: inst.ageRecipient,
    created_at: inst.createdAt,
  };
}

export function showIdentity(ctx: AppContext): IdentityInfo {
  const inst = requireInstallation(ctx.db);
  return {
    kind: inst.role,
    id: inst.id,
    name: inst.name,
    keyId: inst.keyId,
    signingKey: inst.signingKey,
    ageRecipient: inst.ageRecipient,
    fingerprint: fingerprint(inst.signingKey, inst.ageRecipient),
    createdAt: inst.createdAt,
  };
}

/** The signed identity file (.cstid) this installation sends to the other side, once. */
export function exportIdentity(ctx: AppContext): { fileName: string; bytes: Buffer } {
  const inst = requireInstallation(ctx.db);
  const keys = loadInstallationKeys(ctx.dataDir);
  const fileName = `identita-${inst.id}.cstid`;
  return { fileName, bytes: buildIdentityFile(identityJson(inst), keys.signing) };
}
