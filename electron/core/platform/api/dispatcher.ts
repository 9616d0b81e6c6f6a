import type { z } from 'zod';
import { api, type MethodName } from '../../../../shared/api/contract';
import type { ApiError, Result } from '../../../../shared/api/errors';
import type { AppContext, Dispatch } from '../context';
import { AppError, validationError } from '../errors';
import type { HandlerTable } from './handler-table';

export type { Dispatch };

export function createDispatcher(ctx: AppContext, handlers: HandlerTable): Dispatch {
  return async (method, input) => {
    if (!Object.hasOwn(api, method)) {
      return fail({ code: 'E_UNKNOWN_METHOD', message: `Operazione sconosciuta: ${String(method).slice(0, 80)}` });
    }
    const name = method as MethodName;
    const parsed = (api[name].input as z.ZodType).safeParse(input ?? {});
    if (!parsed.success) return fail(validationError(parsed.error));
    try {
      const handler = handlers[name] as (c: AppContext, i: unknown) => unknown;
      return { ok: true, value: await handler(ctx, parsed.data) };
    } catch (err) {
      if (err instanceof AppError) return fail(err.toValue());
      ctx.log.error('handler failed', { method: name, error: String((err as Error)?.stack ?? err) });
      return fail({ code: 'E_INTERNAL', message: 'Errore interno imprevisto: nessun dato è stato modificato. Riprovare; se si ripete, contattare il consorzio.' });
    }
  };
}

function fail(error: ApiError): Result<never> {
  return { ok: false, error };
}
