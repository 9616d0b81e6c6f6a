import type { CallFn } from '../../shared/api/call';
import type { Input, MethodName, Output } from '../../shared/api/contract';
import { CliError } from './cli-types';

/** Calls the API in-process and turns a refusal into a CliError with the core's own sentence. */
export async function callOrFail<M extends MethodName>(call: CallFn, method: M, input: Input<M>): Promise<Output<M>> {
  const result = await call(method, input);
  if (!result.ok) throw new CliError(result.error.message, 1, result.error.code, result.error);
  return result.value;
}
