import type { z } from 'zod';
import type { Role } from '../domain/ids';

/**
 * A record kind: the `kind` of an event line, the side that owns (alone writes) it, and the
 * schema of its `data`. docs/bundle-format.md defers to this table; docs/record-kinds.md lists it.
 */
export interface RecordKind<S extends z.ZodType = z.ZodType> {
  kind: string;
  owner: Role;
  /** The schema every `put` event's data must pass, on the writer's side and the reader's. */
  schema: S;
  /** One line for the documentation. */
  description: string;
}

export function recordKind<S extends z.ZodType>(kind: RecordKind<S>): RecordKind<S> {
  return kind;
}
