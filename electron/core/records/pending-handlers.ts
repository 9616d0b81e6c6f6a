import type { MethodName } from '../../../shared/api/contract';
import { AppError } from '../errors';
import type { Handler } from '../api/handler-table';

/**
 * Methods of the contract whose implementation has not landed yet: each refuses with a clear
 * error instead of leaving a hole in the table. Shrinks to nothing as the features land.
 */
const PENDING = [
  'csv.preview',
  'csv.import',
  'csv.export',
] as const satisfies readonly MethodName[];

type Pending = (typeof PENDING)[number];

export const pendingHandlers = Object.fromEntries(
  PENDING.map((name) => [
    name,
    () => {
      throw new AppError('E_INTERNAL', `Operazione non ancora disponibile: ${name}.`);
    },
  ]),
) as unknown as { [M in Pending]: Handler<M> };
