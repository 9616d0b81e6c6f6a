import { z } from 'zod';

export const HistoryInput = z.object({ kind: z.string().max(40), id: z.string().max(64) }).strict();

/** One version of a record, as its event holds it. */
export interface HistoryVersion {
  seq: number;
  at: string;
  /** The operator named in the data (`updated_by`); null for a delete. */
  who: string | null;
  op: 'put' | 'delete';
  data: Record<string, unknown> | null;
  /** Top-level fields whose value differs from the previous version (all of them for the first). */
  changed: string[];
}

export interface RecordHistory {
  kind: string;
  id: string;
  versions: HistoryVersion[];
}

/** "Dati eliminati": the latest deletions still in effect, newest first; `before` pages on (a seq). */
export const DeletedListInput = z
  .object({
    kind: z.string().max(40).optional(),
    before: z.number().int().min(1).optional(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict();

/** A record whose latest event is its deletion, with the data it had before. */
export interface DeletedRecord {
  kind: string;
  id: string;
  /** The deletion's event. */
  seq: number;
  deletedAt: string;
  /** The last version before the deletion (what "Ripristina" puts back). */
  data: Record<string, unknown>;
}

export interface DeletedRecords {
  items: DeletedRecord[];
  /** More, older deletions: ask again with `before` = the last item's seq. */
  more: boolean;
}

/** "Ripristina": a new version of a deleted record, with the data it had before its deletion. */
export interface RestoredRecord {
  kind: string;
  id: string;
  /** The restoring event: it travels to the consortium in the next bundle, like any edit. */
  seq: number;
  /**
   * A person restored without the name: with name sharing off the name never enters the log,
   * so it left with the deletion and must be typed again.
   */
  nameToRetype: boolean;
}
