import { z } from 'zod';
import { method } from './define';
import { HubId, IstatCode, Locale, personText } from '../domain/ids';
import type { ChainVerification } from '../domain/outbox';
import type { AppStatus, IdentityInfo, Installation, IntegrityReport, Member, Municipality, Province } from '../domain/installation';

const NoInput = z.object({}).strict();

/**
 * Every backend method, declared once: name (`domain.verb`), input schema, output type.
 * The core implements exactly these (electron/core/api/handlers.ts), every transport carries them.
 */
export const api = {
  'app.status': method(NoInput)<AppStatus>(),
  /** Full integrity check of the store and the keys (`cst check`). */
  'app.check': method(NoInput)<IntegrityReport>(),

  'reference.searchMunicipalities': method(
    z.object({ query: z.string().max(100), limit: z.number().int().min(1).max(100).default(20) }).strict(),
  )<Municipality[]>(),
  'reference.provinces': method(NoInput)<Province[]>(),

  'setup.municipality': method(
    z.object({ istat: IstatCode, operator: personText(100) }).strict(),
  )<Installation>(),
  'setup.hub': method(
    z
      .object({
        id: HubId,
        name: personText(120),
        operator: personText(100).optional(),
        province: z.string().trim().regex(/^[A-Z]{2}$/, { message: 'Sigla di provincia non valida (per esempio PU).' }).optional(),
      })
      .strict(),
  )<Installation>(),

  'identity.show': method(NoInput)<IdentityInfo>(),
  /** The identity file (.cstid) as bytes; the caller saves it where the person chooses. */
  'identity.export': method(NoInput)<{ fileName: string; contentBase64: string }>(),

  'settings.setLocale': method(z.object({ locale: Locale }).strict())<{ locale: z.infer<typeof Locale> }>(),

  'members.list': method(NoInput)<Member[]>(),

  /** Recomputes this installation's whole hash chain (`cst log verify`). */
  'log.verify': method(NoInput)<ChainVerification>(),
} as const;

export type Api = typeof api;
export type MethodName = keyof Api;
/** What a caller passes (defaults may be omitted). */
export type Input<M extends MethodName> = z.input<Api[M]['input']>;
/** What a handler receives, after validation and defaults. */
export type ParsedInput<M extends MethodName> = z.output<Api[M]['input']>;
export type Output<M extends MethodName> = NonNullable<Api[M]['output']>;
