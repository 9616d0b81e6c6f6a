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
