/** The store's health as the window sees it (docs/hub.md "The start-up check", issue 12). */

/** Damage found by a full check while the app runs: writes stop until a backup is restored. */
export interface StoreDamage {
  /** SQLite's first line (what integrity_check reported). */
  detail: string;
  /** ISO-8601 UTC. */
  foundAt: string;
}

export type StoreHealth =
  /** No full check running; the last one that passed (ISO-8601 UTC), null if none is recorded. */
  | { state: 'sound'; lastFullCheckAt: string | null }
  /** The full check that was due runs in the background (after a crash, or the weekly one); the app works normally. */
  | { state: 'checking'; reason: 'unclean-shutdown' | 'schedule'; startedAt: string; lastFullCheckAt: string | null }
  /** The background check found damage: writes are refused, the next start refuses the store. */
  | { state: 'damaged'; damage: StoreDamage; lastFullCheckAt: string | null };
