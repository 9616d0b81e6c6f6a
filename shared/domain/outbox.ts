/** The result of recomputing an installation's hash chain from h(0). */
export interface ChainVerification {
  ok: boolean;
  /** Events verified before the first problem (all of them when ok). */
  events: number;
  /** The first broken seq, if any. */
  firstBroken: number | null;
  reason: string | null;
  /** h(last verified seq) as 64 lower-case hex digits. */
  lastHash: string;
  /** When events were cut from the end: the last seq an exported bundle or a peer's ack shows. */
  expectedLast?: number;
}
