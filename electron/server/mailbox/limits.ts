/**
 * What the mailbox accepts and for how long it waits (docs/sync.md "Limits and behaviour of the
 * server"). Tests pass small values to reach each limit quickly; the defaults are the protocol's.
 */
/** Loopback unless another address is named (`--listen`). */
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 8470;

export interface MailboxLimits {
  /** One upload chunk (application/octet-stream body). */
  chunkBytes: number;
  /** A JSON body (the roster of every member fits). */
  jsonBytes: number;
  /** The body of a batch delete (`{"sha256":[…]}`: 1,000 ids take ~67 KB). */
  deleteBatchBytes: number;
  /** Ids in one batch delete. */
  deleteBatchIds: number;
  /** A whole bundle (`total` of Content-Range). */
  bundleBytes: number;
  /** Per sender, bundles waiting or being uploaded: members. */
  memberCount: number;
  memberBytes: number;
  /** The same for the hub, which writes to every member. */
  hubCount: number;
  hubBytes: number;
  /** Seconds a refused sender is told to wait (429 Retry-After). */
  quotaRetryAfterSeconds: number;
  /** ±seconds between the signature's `created` and the server's clock. */
  clockWindowSeconds: number;
  /** How long a nonce is remembered (greater than twice the window would be needless: `created` bounds it). */
  nonceSeconds: number;
  /** Delivered bundles are remembered this long, so a late repeat of an upload is not stored again. */
  tombstoneDays: number;
  /** Node's http server: the request's headers, the whole request, an idle kept-alive connection. */
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  keepAliveTimeoutMs: number;
  /** Inactivity on a socket (nothing sent or received), and how often Node checks the two request timeouts. */
  connectionTimeoutMs: number;
  timeoutCheckMs: number;
}

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

export const DEFAULT_LIMITS: MailboxLimits = {
  chunkBytes: MiB,
  jsonBytes: 4 * MiB,
  deleteBatchBytes: 128 * 1024,
  deleteBatchIds: 1000,
  bundleBytes: 256 * MiB,
  memberCount: 200,
  memberBytes: GiB,
  hubCount: 20_000,
  hubBytes: 20 * GiB,
  quotaRetryAfterSeconds: 600,
  clockWindowSeconds: 300,
  nonceSeconds: 600,
  tombstoneDays: 30,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 120_000,
  keepAliveTimeoutMs: 5_000,
  connectionTimeoutMs: 60_000,
  timeoutCheckMs: 1_000,
};

export function withDefaults(limits: Partial<MailboxLimits> = {}): MailboxLimits {
  return { ...DEFAULT_LIMITS, ...limits };
}
