/**
 * The mailbox's index (docs/sync.md "Limits and behaviour of the server"): one SQLite file in the
 * data directory, WAL, holding the hub's identity, the roster, the nonces seen and one row per
 * bundle (partial, waiting or delivered). The bundle bytes are files (files.ts); a row says
 * `waiting` only once its file is in place.
 *
 * Durability: the connection's default is synchronous=FULL (the roster, the hub, the start-up
 * sweep). The writes of requests are committed with synchronous=NORMAL (`relaxed`): in the WAL
 * at once, fsynced by the group commit (group-commit.ts), which a request awaits with `durable()`
 * before it answers that something is stored.
 *
 * better-sqlite3 is synchronous: a request's index work cannot interleave with another's. Its
 * statements are prepared once (`sql`), not at every request.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { makePrivateDir } from '../../core/platform/fs/private-files';
import { GroupCommit } from './group-commit';

export const INDEX_FILE = 'mailbox.sqlite';

const MIGRATIONS: readonly string[] = [
  `CREATE TABLE hub (
     only INTEGER PRIMARY KEY CHECK (only = 1),
     id TEXT NOT NULL, name TEXT NOT NULL, signing_key TEXT NOT NULL, key_id TEXT NOT NULL,
     age_recipient TEXT NOT NULL, fingerprint TEXT NOT NULL, confirmed_at INTEGER NOT NULL);
   CREATE TABLE roster (
     only INTEGER PRIMARY KEY CHECK (only = 1),
     serial INTEGER NOT NULL, text TEXT NOT NULL, signature TEXT NOT NULL, received_at INTEGER NOT NULL);
   CREATE TABLE bundles (
     recipient TEXT NOT NULL, sha256 TEXT NOT NULL,
     sender TEXT NOT NULL, sender_key TEXT NOT NULL,
     bytes INTEGER NOT NULL, received INTEGER NOT NULL,
     state TEXT NOT NULL CHECK (state IN ('partial', 'waiting', 'delivered')),
     created_at INTEGER NOT NULL, completed_at INTEGER, delivered_at INTEGER, seq INTEGER,
     PRIMARY KEY (recipient, sha256)) WITHOUT ROWID;
   CREATE INDEX bundles_inbox ON bundles (recipient, state, seq);
   CREATE INDEX bundles_sender ON bundles (sender, state);
   CREATE TABLE nonces (key_id TEXT NOT NULL, nonce TEXT NOT NULL, seen_at INTEGER NOT NULL, PRIMARY KEY (key_id, nonce)) WITHOUT ROWID;
   CREATE INDEX nonces_seen ON nonces (seen_at);
   CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
   INSERT INTO counters VALUES ('seq', 0);`,
];

export interface HubIdentity {
  id: string;
  name: string;
  signingKey: string;
  keyId: string;
  ageRecipient: string;
  fingerprint: string;
  confirmedAt: number;
}

export type BundleState = 'partial' | 'waiting' | 'delivered';

export interface BundleRow {
  recipient: string;
  sha256: string;
  sender: string;
  sender_key: string;
  bytes: number;
  received: number;
  state: BundleState;
  created_at: number;
  completed_at: number | null;
  delivered_at: number | null;
  seq: number | null;
}

export interface StoredRoster {
  serial: number;
  text: string;
  signature: string;
}

export class MailboxStore {
  private readonly statements = new Map<string, Database.Statement>();
  private readonly groupCommit: GroupCommit;
  /**
   * What each sender has waiting or under way (its quota), counted once from the index and then
   * kept up to date by every write that changes it: counting the hub's thousands of rows at each
   * of its uploads made sending to all of Italy quadratic.
   */
  private readonly usage = new Map<string, { count: number; bytes: number }>();
  /** When old nonces were last pruned (once a second is enough: they are kept for minutes). */
  private prunedNoncesAt = -Infinity;

  private constructor(
    readonly db: Database.Database,
    dataDir: string,
  ) {
    this.groupCommit = new GroupCommit(join(dataDir, `${INDEX_FILE}-wal`));
  }

  /** The statement for this SQL, prepared on first use. */
  private sql(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (!statement) this.statements.set(text, (statement = this.db.prepare(text)));
    return statement;
  }

  /**
   * `write` in one transaction committed with synchronous=NORMAL: in the WAL at once, not yet
   * fsynced. Whoever answers that it is stored awaits `durable()` first.
   */
  private relaxed<T>(write: () => T): T {
    this.sql('PRAGMA synchronous = NORMAL').run();
    try {
      return this.db.transaction(write)();
    } finally {
      this.sql('PRAGMA synchronous = FULL').run();
    }
  }

  /** Resolves once every relaxed write made so far is on the disk (one fsync of the WAL for a batch of requests). */
  durable(): Promise<void> {
    return this.groupCommit.durable();
  }

  /** fsyncs of the WAL done by the group commit (tests). */
  get groupFlushes(): number {
    return this.groupCommit.flushes;
  }

  /** Opens (creating) the index; a second process on the same folder fails here (exclusive lock). */
  static open(dataDir: string): MailboxStore {
    makePrivateDir(dataDir);
    const db = new Database(join(dataDir, INDEX_FILE), { timeout: 0 });
    try {
      db.pragma('locking_mode = EXCLUSIVE');
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.pragma('trusted_schema = OFF');
      db.exec('BEGIN IMMEDIATE; COMMIT;');
      const version = db.pragma('user_version', { simple: true }) as number;
      if (version > MIGRATIONS.length) throw new Error(`mailbox index version ${version} is newer than this program (${MIGRATIONS.length})`);
      db.transaction(() => {
        for (let v = version; v < MIGRATIONS.length; v += 1) db.exec(MIGRATIONS[v] as string);
        db.pragma(`user_version = ${MIGRATIONS.length}`);
      })();
    } catch (err) {
      db.close();
      throw err;
    }
    return new MailboxStore(db, dataDir);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  hub(): HubIdentity | null {
    const r = this.db.prepare('SELECT id, name, signing_key, key_id, age_recipient, fingerprint, confirmed_at FROM hub').get() as
      | { id: string; name: string; signing_key: string; key_id: string; age_recipient: string; fingerprint: string; confirmed_at: number }
      | undefined;
    return r ? { id: r.id, name: r.name, signingKey: r.signing_key, keyId: r.key_id, ageRecipient: r.age_recipient, fingerprint: r.fingerprint, confirmedAt: r.confirmed_at } : null;
  }

  setHub(h: HubIdentity): void {
    this.db
      .prepare('INSERT OR REPLACE INTO hub VALUES (1, ?, ?, ?, ?, ?, ?, ?)')
      .run(h.id, h.name, h.signingKey, h.keyId, h.ageRecipient, h.fingerprint, h.confirmedAt);
  }

  roster(): StoredRoster | null {
    return (this.db.prepare('SELECT serial, text, signature FROM roster').get() as StoredRoster | undefined) ?? null;
  }

  /**
   * Stores the roster and deletes what waits for the members it no longer lists, and their
   * unfinished uploads (what they completed before stays for the hub); returns the rows dropped
   * (their files go next).
   */
  replaceRoster(r: StoredRoster, removedMembers: readonly string[], now: number): BundleRow[] {
    return this.db.transaction(() => {
      this.db.prepare('INSERT OR REPLACE INTO roster VALUES (1, ?, ?, ?, ?)').run(r.serial, r.text, r.signature, now);
      const dropped: BundleRow[] = [];
      const select = this.db.prepare("SELECT * FROM bundles WHERE (recipient = ? AND state != 'delivered') OR (sender = ? AND state = 'partial')");
      const del = this.db.prepare("DELETE FROM bundles WHERE (recipient = ? AND state != 'delivered') OR (sender = ? AND state = 'partial')");
      for (const id of removedMembers) {
        dropped.push(...(select.all(id, id) as BundleRow[]));
        del.run(id, id);
      }
      this.usage.clear();
      return dropped;
    })();
  }

  /**
   * Records a nonce; false when this key used it already (a replay). Old nonces are pruned as we
   * go, in the same transaction. Every request writes one, so it is committed relaxed
   * (synchronous=NORMAL): in WAL mode the commit is in the log at once (a process crash or
   * kill -9 loses nothing, the next start reads it back) and reaches the disk with the next
   * group commit or checkpoint; no request waits for it (an fsync each, ~5 ms, capped the whole
   * mailbox at ~200 requests/s). Only a power cut can forget the last nonces, and a replay
   * within their 600 s then repeats a request that is idempotent anyway (docs/sync.md).
   */
  useNonce(keyId: string, nonce: string, now: number, keepMs: number): boolean {
    return this.relaxed(() => {
      if (now - this.prunedNoncesAt >= 1000 || now < this.prunedNoncesAt) {
        this.sql('DELETE FROM nonces WHERE seen_at < ?').run(now - keepMs);
        this.prunedNoncesAt = now;
      }
      return this.db.prepare('INSERT OR IGNORE INTO nonces VALUES (?, ?, ?)').run(keyId, nonce, now).changes === 1;
    });
  }

  bundle(recipient: string, sha256: string): BundleRow | null {
    return (this.sql('SELECT * FROM bundles WHERE recipient = ? AND sha256 = ?').get(recipient, sha256) as BundleRow | undefined) ?? null;
  }

  allBundles(): BundleRow[] {
    return this.db.prepare('SELECT * FROM bundles').all() as BundleRow[];
  }

  /** What a sender has waiting or under way: what its quota counts. */
  senderUsage(sender: string): { count: number; bytes: number } {
    let usage = this.usage.get(sender);
    if (!usage) {
      usage = this.sql("SELECT count(*) AS count, coalesce(sum(bytes), 0) AS bytes FROM bundles WHERE sender = ? AND state != 'delivered'").get(sender) as { count: number; bytes: number };
      this.usage.set(sender, usage);
    }
    return { ...usage };
  }

  /** A bundle of `sender` began (+1) or stopped (-1) counting towards its quota. */
  private countUsage(sender: string, sign: 1 | -1, bytes: number): void {
    const usage = this.usage.get(sender);
    if (!usage) return;
    usage.count += sign;
    usage.bytes += sign * bytes;
  }

  /** An upload begins (relaxed: a row lost to a power cut only makes the client start again). */
  startUpload(row: Pick<BundleRow, 'recipient' | 'sha256' | 'sender' | 'sender_key' | 'bytes'>, now: number): void {
    this.relaxed(() =>
      this.sql("INSERT INTO bundles (recipient, sha256, sender, sender_key, bytes, received, state, created_at) VALUES (?, ?, ?, ?, ?, 0, 'partial', ?)").run(
        row.recipient,
        row.sha256,
        row.sender,
        row.sender_key,
        row.bytes,
        now,
      ),
    );
    this.countUsage(row.sender, 1, row.bytes);
  }

  /** The chunks up to `received` are in the file (relaxed: `durable()` before saying so). */
  setReceived(recipient: string, sha256: string, received: number): void {
    this.relaxed(() => this.sql("UPDATE bundles SET received = ? WHERE recipient = ? AND sha256 = ? AND state = 'partial'").run(received, recipient, sha256));
  }

  /**
   * The file is in place: the bundle waits for its recipient, after every bundle completed before
   * it (relaxed: `durable()` before saying so).
   */
  complete(recipient: string, sha256: string, now: number): void {
    this.relaxed(() => {
      const seq = (this.sql("UPDATE counters SET value = value + 1 WHERE name = 'seq' RETURNING value").get() as { value: number }).value;
      this.sql("UPDATE bundles SET state = 'waiting', received = bytes, completed_at = ?, seq = ? WHERE recipient = ? AND sha256 = ?").run(now, seq, recipient, sha256);
    });
  }

  /**
   * Fetched and deleted by the recipient: kept as a tombstone so a repeated upload is not stored
   * again (relaxed: `durable()` before the file goes and the answer).
   */
  deliver(recipient: string, sha256: string, now: number): boolean {
    const was = this.relaxed(
      () =>
        this.sql("UPDATE bundles SET state = 'delivered', delivered_at = ? WHERE recipient = ? AND sha256 = ? AND state = 'waiting' RETURNING sender, bytes").get(now, recipient, sha256) as
          | { sender: string; bytes: number }
          | undefined,
    );
    if (was) this.countUsage(was.sender, -1, was.bytes);
    return was !== undefined;
  }

  /**
   * `deliver` for several bundles of one inbox in one transaction (the batch delete); returns the
   * ids that were waiting (their files go next, after `durable()`).
   */
  deliverMany(recipient: string, sha256s: readonly string[], now: number): string[] {
    const was = this.relaxed(() => {
      const gone: { sha256: string; sender: string; bytes: number }[] = [];
      const update = this.sql("UPDATE bundles SET state = 'delivered', delivered_at = ? WHERE recipient = ? AND sha256 = ? AND state = 'waiting' RETURNING sender, bytes");
      for (const sha256 of sha256s) {
        const row = update.get(now, recipient, sha256) as { sender: string; bytes: number } | undefined;
        if (row) gone.push({ sha256, ...row });
      }
      return gone;
    });
    for (const row of was) this.countUsage(row.sender, -1, row.bytes);
    return was.map((row) => row.sha256);
  }

  drop(recipient: string, sha256: string): void {
    const was = this.sql('DELETE FROM bundles WHERE recipient = ? AND sha256 = ? RETURNING sender, bytes, state').get(recipient, sha256) as
      | { sender: string; bytes: number; state: BundleState }
      | undefined;
    if (was && was.state !== 'delivered') this.countUsage(was.sender, -1, was.bytes);
  }

  pruneTombstones(before: number): void {
    this.db.prepare("DELETE FROM bundles WHERE state = 'delivered' AND delivered_at < ?").run(before);
  }

  /** One page of a recipient's inbox, oldest first; `after` names the last of the previous page. */
  inbox(recipient: string, after: string | undefined, limit: number): { items: BundleRow[]; more: boolean } {
    let from = 0;
    if (after) {
      const at = this.sql('SELECT seq FROM bundles WHERE recipient = ? AND sha256 = ?').get(recipient, after) as { seq: number | null } | undefined;
      from = at?.seq ?? 0;
    }
    const rows = this.sql("SELECT * FROM bundles WHERE recipient = ? AND state = 'waiting' AND seq > ? ORDER BY seq LIMIT ?").all(recipient, from, limit + 1) as BundleRow[];
    return { items: rows.slice(0, limit), more: rows.length > limit };
  }
}
