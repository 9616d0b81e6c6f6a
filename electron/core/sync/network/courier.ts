/**
 * What carries bundle files between this installation and the other side: the consortium's
 * mailbox (mailbox-courier.ts) or a shared folder (folder-courier.ts). The sync agent knows
 * only this interface, so both couriers have the same semantics (docs/sync.md).
 *
 * A recipient is `'hub'` or a member's ISTAT code; a file is named by its SHA-256.
 */
export type Recipient = string;

/** The mailbox recipient of the regional hub a hub reports to (docs/sync.md, "Parties and addresses"; docs/federation.md). */
export const REGIONAL_RECIPIENT = 'regional';

export type SendState = 'absent' | 'partial' | 'waiting' | 'delivered';

export interface OutgoingFile {
  path: string;
  sha256: string;
  bytes: number;
}

export interface WaitingFile {
  sha256: string;
  bytes: number;
  /** Who sent it, as the courier knows it (`'hub'` or an ISTAT code). */
  from: Recipient;
  receivedAt: string;
}

export type Progress = (done: number, total: number) => void;

export interface SendOptions {
  /**
   * This installation never tried to send this file before (the sync round knows it from its
   * spool, recorded before the upload): a one-chunk file is sent at once, without asking first
   * where an upload stands (docs/sync.md "Upload"). Couriers without such a question ignore it.
   */
  fresh?: boolean;
}

export interface Courier {
  readonly kind: 'mailbox' | 'folder';
  /** Sends the file, resuming what an earlier attempt left; idempotent by SHA-256. */
  send(to: Recipient, file: OutgoingFile, onProgress?: Progress, options?: SendOptions): Promise<SendState>;
  /** Where a file sent earlier stands. */
  sendState(to: Recipient, sha256: string): Promise<SendState>;
  /** What waits for us, oldest first (one page; call again with `after` for more). */
  list(after?: string, limit?: number): Promise<{ items: WaitingFile[]; more: boolean }>;
  /**
   * Downloads to `dest`, resuming `dest + '.part'`; checks the SHA-256 before renaming into place.
   * What does not hash is deleted (`corrupt`), or with `keepMismatch` kept as `dest + '.mismatch'`
   * (the regional hub tells a file altered at the mailbox from a damaged transfer: mailbox-collect.ts).
   */
  fetch(item: WaitingFile, dest: string, onProgress?: Progress, options?: { keepMismatch?: boolean }): Promise<void>;
  /** Removes a file from our inbox (gone already is fine). */
  remove(sha256: string): Promise<void>;
  /** Removes several files from our inbox (gone already is fine): the mailbox does it in one request per 1,000. */
  removeMany(sha256s: readonly string[]): Promise<void>;
  /** Hub only: publishes the signed roster of members allowed to use the mailbox. */
  publishRoster?(roster: SignedRoster): Promise<void>;
}

export interface SignedRoster {
  /** The roster JSON text (docs/sync.md "PUT /v1/roster"). */
  roster: string;
  /** Its minisign signature file text. */
  signature: string;
  serial: number;
}

/**
 * Why a courier operation failed, in terms the agent acts on:
 * - `offline`: no answer (refused, reset, timeout, DNS): back off and retry;
 * - `server`: the server answered 5xx or garbage: back off and retry;
 * - `quota`: 429, retry after `retryAfterSeconds`;
 * - `refused`: 401/403 (not enrolled, removed from the roster, clock beyond repair): say it, retry slowly;
 * - `corrupt`: what arrived does not hash to its name: discarded, fetched again next round.
 */
export class CourierError extends Error {
  constructor(
    readonly reason: 'offline' | 'server' | 'quota' | 'refused' | 'corrupt',
    detail: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(`${reason}: ${detail}`);
  }
}
