import type { z } from 'zod';
import { api, type MethodName } from '../../../../shared/api/contract';
import { localPathIn } from '../../../../shared/api/local-paths';
import { sentenceFor } from '../../../../shared/errors/catalogue';
import type { ApiError, Result } from '../../../../shared/api/errors';
import type { AppContext, Dispatch } from '../context';
import { AppError, appError, validationError } from '../errors';
import type { HandlerTable } from './handler-table';
import { diskFullError, isDiskFull } from '../fs/disk-errors';
import { damageOf } from '../store/store-damage';

export type { Dispatch };

/**
 * Who is calling. 'local': code in this process (the CLI, tests), trusted with local paths.
 * 'window': the renderer, through Electron's IPC or the browser shell's HTTP; every transport
 * of the window passes it, and any input field declared `localPath()` is then refused.
 */
export type Caller = 'local' | 'window';

/**
 * The dispatcher as built here: `Dispatch` plus the caller (omitted: 'local'). A transport of the
 * window types its backend's `dispatch` with a required `caller` (see electron/server/http-api.ts,
 * electron/main/backend-host-runner.ts), which the two-argument `Dispatch` still satisfies.
 */
export type CallerDispatch = (method: string, input: unknown, caller?: Caller) => Promise<Result<unknown>>;

/** The refusal of a path sent by the window (its Italian sentence, for the tests that compare it). */
export const LOCAL_PATH_REFUSED = sentenceFor('api.localPathRefused');

export function createDispatcher(ctx: AppContext, handlers: HandlerTable): CallerDispatch {
  return async (method, input, caller = 'local') => {
    if (!Object.hasOwn(api, method)) {
      return fail(appError('api.unknownMethod', { method: String(method).slice(0, 80) }).toValue());
    }
    const name = method as MethodName;
    const pathField = caller === 'window' ? localPathIn(name, input) : null;
    if (pathField !== null) return fail(appError('api.localPathRefused', {}, { field: pathField }).toValue());
    const parsed = (api[name].input as z.ZodType).safeParse(input ?? {});
    if (!parsed.success) return fail(validationError(parsed.error, input));
    try {
      const handler = handlers[name] as (c: AppContext, i: unknown) => unknown;
      return { ok: true, value: await handler(ctx, parsed.data) };
    } catch (err) {
      if (err instanceof AppError) return fail(err.toValue());
      // Damage found by the background check turned the store read-only (store-damage.ts):
      // SQLite refused this call's first write and its transaction rolled back.
      const damage = ctx.db.open ? damageOf(ctx.db) : undefined;
      if (damage && (err as { code?: string }).code?.startsWith('SQLITE_READONLY')) {
        return fail(appError('store.writesStopped', { detail: damage.detail.slice(0, 120) }).toValue());
      }
      // A full disk is the clerk's to fix (free space), never an internal error. SQLite reports it
      // from whichever statement or COMMIT needed the page, the transaction already rolled back.
      if (isDiskFull(err)) {
        ctx.log.warn('disk full', { method: name });
        return fail(diskFullError(ctx.dataDir, err).toValue());
      }
      ctx.log.error('handler failed', { method: name, error: String((err as Error)?.stack ?? err) });
      return fail(appError('api.internal').toValue());
    }
  };
}

function fail(error: ApiError): Result<never> {
  return { ok: false, error };
}
