import type { z } from 'zod';
import type { WindowApi } from '../../shared/api/call';
import { api as contract, type Input, type MethodName, type Output } from '../../shared/api/contract';
import type { ApiError, Result } from '../../shared/api/errors';
import type { Locale } from '../../shared/domain/ids';
import type { AppStatus, IdentityInfo, Installation, Member, Municipality, Province } from '../../shared/domain/installation';
import { createRecordHandlers, RecordFailure, type RecordState } from './fake-records';

/**
 * An in-memory stand-in for the backend, for UI unit tests only: it validates inputs with the
 * contract's own schemas (as the core's dispatcher does) and answers with `Result` values.
 */
export const MUNICIPALITIES: Municipality[] = [
  m('041067', 'Urbino', 'PU', 'Pesaro e Urbino', 14950, 2021),
  m('041066', 'Urbania', 'PU', 'Pesaro e Urbino', 6892, 2021),
  m('041044', 'Pesaro', 'PU', 'Pesaro e Urbino', 95735, 2021),
  m('041013', 'Fano', 'PU', 'Pesaro e Urbino', 60069, 2021),
  m('041057', "Sant'Angelo in Vado", 'PU', 'Pesaro e Urbino', 4062, 2021),
  m('040012', 'Forlì', 'FC', 'Forlì-Cesena', 116434, 2011),
  m('099999', 'Nuovo Comune', 'XX', 'Provincia di prova', null, null),
];

export const PROVINCES: Province[] = [
  { code: 'AN', name: 'Ancona', region: 'Marche', municipalities: 47 },
  { code: 'PU', name: 'Pesaro e Urbino', region: 'Marche', municipalities: 50 },
];

export const FINGERPRINT = '52680 40966 60774 80524 66126 89294';

function m(istat: string, name: string, province: string, provinceName: string, population: number | null, populationYear: number | null): Municipality {
  return { istat, name, province, provinceName, region: 'Marche', population, populationYear };
}

function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export interface FakeOptions {
  installation?: Installation | null;
  locale?: Locale;
  /** Answers that override the fake's own, by method. */
  override?: Partial<{ [M in MethodName]: (input: Input<M>) => Result<Output<M>> | undefined }>;
}

export interface FakeBackend extends WindowApi {
  calls: { method: MethodName; input: unknown }[];
  /** The municipality records held in memory. */
  records: RecordState;
  callsOf(method: MethodName): unknown[];
}

const CREATED_AT = '2026-11-26T09:00:00.000Z';

export function createFakeApi(options: FakeOptions = {}): FakeBackend {
  let installation = options.installation ?? null;
  let locale: Locale = options.locale ?? 'it';
  let members: Member[] = [];
  const calls: FakeBackend['calls'] = [];
  const records = createRecordHandlers(() => installation?.operator || 'Operatore');

  const identity = (): IdentityInfo => {
    if (!installation) throw new Error('not initialized');
    return {
      kind: installation.role,
      id: installation.id,
      name: installation.name,
      keyId: '5E85F8966369CF7E',
      signingKey: 'RWR+hfiWY2nPfqFGYu+4mHFvxQJ2w3v4vFh9wFm5ZlEr1cQyYxv0Xh5l',
      ageRecipient: 'age1qyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqs3290gq',
      fingerprint: FINGERPRINT,
      createdAt: CREATED_AT,
    };
  };

  // Partial: methods the UI under test does not use answer E_UNKNOWN_METHOD (the contract grows).
  const handlers: { [M in MethodName]?: (input: z.output<(typeof contract)[M]['input']>) => Output<M> } = {
    'app.status': (): AppStatus => ({ version: '0.1.0', dataDir: '/tmp/cst-test', locale, installation }),
    'reference.searchMunicipalities': ({ query, limit }) =>
      MUNICIPALITIES.filter((x) => fold(x.name).includes(fold(query))).slice(0, limit),
    'reference.municipalities': ({ istat }) => MUNICIPALITIES.filter((x) => istat.includes(x.istat)),
    'reference.provinces': () => PROVINCES,
    'setup.municipality': ({ istat, operator }) => {
      const found = MUNICIPALITIES.find((x) => x.istat === istat);
      if (!found) throw fail({ code: 'E_NOT_FOUND', message: `Comune con codice ISTAT ${istat} non trovato.` });
      installation = { role: 'municipality', id: istat, name: found.name, operator, province: found.province, createdAt: CREATED_AT };
      return installation;
    },
    'setup.hub': ({ id, name, operator, province }) => {
      installation = { role: 'hub', id, name, operator: operator ?? '', province: province ?? null, createdAt: CREATED_AT };
      members = MUNICIPALITIES.filter((x) => x.province === province).map((x) => ({
        istat: x.istat,
        name: x.name,
        province: x.province,
        population: x.population,
        populationYear: x.populationYear,
        status: x.name === 'Urbino' ? 'confirmed' : 'pending',
      }));
      return installation;
    },
    'identity.show': () => identity(),
    'backup.list': () => ({ folder: '/tmp/cst-test/backups', backups: [], lastAttempt: null, running: false }),
    'identity.export': () => ({ fileName: `${installation?.id ?? 'x'}.cstid`, contentBase64: btoa('PK\u0003\u0004fake') }),
    'settings.setLocale': ({ locale: next }) => {
      locale = next;
      return { locale };
    },
    'members.list': () => members,
    ...records.handlers,
  };

  const call = (async (method: MethodName, input: unknown) => {
    calls.push({ method, input });
    const override = options.override?.[method] as ((i: unknown) => Result<unknown> | undefined) | undefined;
    const overridden = override?.(input);
    if (overridden) return overridden;
    const parsed = (contract[method].input as z.ZodType).safeParse(input ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.map(String).join('.') ?? '';
      return { ok: false, error: { code: 'E_VALIDATION', message: `Campo «${field}»: ${issue?.message}`, field, params: { issue: issue?.message ?? '' } } };
    }
    const needsInstallation = !['app.status', 'reference.searchMunicipalities', 'reference.municipalities', 'reference.provinces', 'setup.municipality', 'setup.hub'].includes(method);
    if (needsInstallation && !installation) {
      return { ok: false, error: { code: 'E_NOT_INITIALIZED', message: 'Postazione non configurata.' } };
    }
    const handler = handlers[method] as ((i: unknown) => unknown) | undefined;
    if (!handler) return { ok: false, error: { code: 'E_UNKNOWN_METHOD', message: `Operazione sconosciuta: ${method}` } };
    try {
      return { ok: true, value: handler(parsed.data) };
    } catch (err) {
      if (err instanceof FakeFailure) return { ok: false, error: err.error };
      if (err instanceof RecordFailure) return { ok: false, error: { code: err.code, message: err.message, ...(err.field ? { field: err.field, params: { issue: err.message } } : {}) } };
      throw err;
    }
  }) as WindowApi['call'];

  return {
    call,
    subscribe: () => () => undefined,
    calls,
    records: records.state,
    callsOf: (method) => calls.filter((c) => c.method === method).map((c) => c.input),
  };
}

class FakeFailure extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
  }
}

function fail(error: ApiError): FakeFailure {
  return new FakeFailure(error);
}

export const URBINO: Installation = {
  role: 'municipality',
  id: '041067',
  name: 'Urbino',
  operator: 'Maria Rossi',
  province: 'PU',
  createdAt: CREATED_AT,
};

export const HUB: Installation = {
  role: 'hub',
  id: 'CST-PU',
  name: 'CST Pesaro-Urbino',
  operator: 'Luca Bianchi',
  province: 'PU',
  createdAt: CREATED_AT,
};
