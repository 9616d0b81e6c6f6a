/**
 * Who may use the mailbox: the hub (confirmed at `cst mailbox init`) and the members of the
 * roster the hub signed (electron/core/sync/network/roster.ts). The stored roster is checked
 * again at every start, so a roster edited on disk is not believed.
 */
import type { KeyObject } from 'node:crypto';
import { checkRoster, type RosterMember, type RosterRegionalHub } from '../../core/sync/network/roster';
import { keyIdHex, parseMinisignPublicKey } from '../../core/format/crypto/minisign';
import { ed25519PublicKey } from '../../core/sync/network/http-signature';
import type { BundleRow, HubIdentity, MailboxStore, StoredRoster } from './store';

/** Who signed a request: the hub, a member by its ISTAT code, or the regional hub the roster names. */
export interface Party {
  kind: 'hub' | 'member' | 'regional';
  /** `'hub'` for the hub (its inbox), the ISTAT code for a member, `'regional'` for the regional hub. */
  inbox: string;
  keyId: string;
}

export type RosterUpload =
  | { ok: true; serial: number; members: number; removed: string[]; dropped: BundleRow[] }
  | { ok: false; error: 'bad_roster' | 'stale_roster' };

export class Members {
  private byKeyId = new Map<string, string>();
  private istats = new Set<string>();
  private signingKeys = new Map<string, string>();
  private keyObjects = new Map<string, KeyObject>();
  private serial = 0;
  /** The regional hub the roster names (its key id and signing key), if any. */
  private regional: { keyId: string; signingKey: string } | null = null;

  constructor(
    readonly hub: HubIdentity,
    stored: StoredRoster | null,
    onBadStoredRoster: (reason: string) => void,
  ) {
    if (!stored) return;
    const check = checkRoster(stored.text, stored.signature, hub.signingKey);
    if (check.ok && check.roster.hub === hub.id) this.adopt(check.roster.serial, check.keyIds, check.roster.regional_hub);
    else onBadStoredRoster(check.ok ? 'hub' : check.reason);
  }

  party(keyId: string): Party | null {
    if (keyId === this.hub.keyId) return { kind: 'hub', inbox: 'hub', keyId };
    if (keyId === this.regional?.keyId) return { kind: 'regional', inbox: 'regional', keyId };
    const istat = this.byKeyId.get(keyId);
    return istat ? { kind: 'member', inbox: istat, keyId } : null;
  }

  /** The Ed25519 key that verifies this key id's requests (null when the key is not the hub's nor on the roster). */
  publicKey(keyId: string): KeyObject | null {
    const signingKey = keyId === this.hub.keyId ? this.hub.signingKey : keyId === this.regional?.keyId ? this.regional.signingKey : this.signingKeys.get(keyId);
    if (!signingKey) return null;
    let key = this.keyObjects.get(keyId);
    if (!key) this.keyObjects.set(keyId, (key = publicKeyOf(signingKey)));
    return key;
  }

  isMember(istat: string): boolean {
    return this.istats.has(istat);
  }

  /** The roster names a regional hub: the hub may write to the `regional` inbox. */
  hasRegional(): boolean {
    return this.regional !== null;
  }

  summary(): { serial: number; members: number } {
    return { serial: this.serial, members: this.byKeyId.size };
  }

  /** Checks a roster the hub uploads and, when it holds and is newer, makes it the one in force. */
  upload(text: string, signature: string, store: MailboxStore, now: number): RosterUpload {
    let check;
    try {
      check = checkRoster(text, signature, this.hub.signingKey);
    } catch {
      return { ok: false, error: 'bad_roster' };
    }
    if (!check.ok || check.roster.hub !== this.hub.id) return { ok: false, error: 'bad_roster' };
    if (check.roster.serial <= this.serial) return { ok: false, error: 'stale_roster' };
    const still = new Set([...check.keyIds.values()].map((m) => m.id));
    const removed = [...new Set(this.byKeyId.values())].filter((id) => !still.has(id));
    // A regional hub no longer named (or another one) loses what waited for it, as a removed member does.
    const regionalGone = this.regional !== null && this.regional.keyId !== regionalKeyId(check.roster.regional_hub);
    const dropped = store.replaceRoster({ serial: check.roster.serial, text, signature }, regionalGone ? [...removed, 'regional'] : removed, now);
    this.adopt(check.roster.serial, check.keyIds, check.roster.regional_hub);
    return { ok: true, serial: this.serial, members: this.byKeyId.size, removed, dropped };
  }

  private adopt(serial: number, keyIds: Map<string, RosterMember>, regional: RosterRegionalHub | undefined): void {
    this.regional = regional ? { keyId: regionalKeyId(regional) as string, signingKey: regional.signing_key } : null;
    this.signingKeys = new Map([...keyIds].map(([k, m]) => [k, m.signing_key]));
    this.keyObjects = new Map();
    this.serial = serial;
    this.byKeyId = new Map([...keyIds].map(([k, m]) => [k, m.id]));
    this.istats = new Set(this.byKeyId.values());
  }
}

function regionalKeyId(regional: RosterRegionalHub | undefined): string | null {
  return regional ? keyIdHex(parseMinisignPublicKey(regional.signing_key).keyId) : null;
}

/** The Ed25519 public key of a minisign public key string. */
function publicKeyOf(signingKey: string): KeyObject {
  return ed25519PublicKey(parseMinisignPublicKey(signingKey).publicKey);
}
