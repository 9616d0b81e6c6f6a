/**
 * `cst mailbox init`: the mailbox learns the hub's identity once, from the hub's .cstid file
 * (its signature checked by the app's reader) and the fingerprint read over the phone, exactly
 * as a member confirms the hub in the app. A second init with the same hub is harmless; with
 * another hub it is refused (that folder's bundles and roster belong to the first).
 */
import { readIdentityFile } from '../../core/format/container/identity-file';
import { keyIdHex, parseMinisignPublicKey } from '../../core/format/crypto/minisign';
import { fingerprint } from '../../core/format/crypto/fingerprint';
import { appError } from '../../core/platform/errors';
import { normalizeFingerprint } from '../../../shared/domain/fingerprint';
import { MailboxStore, type HubIdentity } from './store';

export function initMailbox(options: { dataDir: string; hubFile: Buffer; hubFileName: string; fingerprint: string; now?: () => number }): HubIdentity {
  const identity = readIdentityFile(options.hubFile);
  if (identity.kind !== 'hub') throw appError('mailbox.notHubIdentity', { file: options.hubFileName, id: identity.id });
  const expected = fingerprint(identity.signing_key, identity.age_recipient);
  if (normalizeFingerprint(options.fingerprint) !== normalizeFingerprint(expected)) throw appError('mailbox.fingerprintMismatch', { file: options.hubFileName });
  const hub: HubIdentity = {
    id: identity.id,
    name: identity.name,
    signingKey: identity.signing_key,
    keyId: keyIdHex(parseMinisignPublicKey(identity.signing_key).keyId),
    ageRecipient: identity.age_recipient,
    fingerprint: expected,
    confirmedAt: (options.now ?? Date.now)(),
  };
  const store = openMailboxStore(options.dataDir);
  try {
    const present = store.hub();
    if (present && (present.id !== hub.id || present.signingKey !== hub.signingKey)) throw appError('mailbox.otherHub', { dir: options.dataDir, id: present.id });
    if (!present) store.setHub(hub);
    return present ?? hub;
  } finally {
    store.close();
  }
}

/** The index, or the clerk's sentence when another server holds it. */
export function openMailboxStore(dataDir: string): MailboxStore {
  try {
    return MailboxStore.open(dataDir);
  } catch (err) {
    if ((err as { code?: string }).code === 'SQLITE_BUSY') throw appError('mailbox.inUse', { dir: dataDir });
    throw err;
  }
}
