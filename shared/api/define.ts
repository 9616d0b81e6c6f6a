import type { z } from 'zod';

/**
 * One backend method: its input schema (validated at the boundary by the core) and, as a
 * phantom type, its output. Declared once here; the core's handler table, every transport and
 * the UI are type-checked against it.
 */
export interface MethodSpec<I extends z.ZodType, O> {
  readonly input: I;
  /** Phantom: never read at run time, only carries the output type. */
  readonly output?: O;
}

export function method<I extends z.ZodType>(input: I) {
  return <O>(): MethodSpec<I, O> => ({ input });
}
