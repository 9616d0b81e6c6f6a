import type { z } from 'zod';
import { appMethods } from './contract/app';
import { bundleMethods } from './contract/bundles';
import { committeeMethods } from './contract/committee';
import { govMethods } from './contract/gov';
import { hubMethods } from './contract/hub';
import { joinMethods } from './contract/joins';
import { meetingMethods } from './contract/meetings';
import { recordMethods } from './contract/records';
import { recoveryMethods } from './contract/recovery';
import { reportMethods } from './contract/reports';
import { syncMethods } from './contract/sync';
import { federationMethods } from './contract/federation';

/**
 * Every backend method, declared once: name (`domain.verb`), input schema, output type.
 * The core implements exactly these (electron/core/app/app-handlers.ts), every transport carries them.
 * Declared by area in ./contract/; a name declared in two areas fails to compile (see below).
 */
export const api = { ...appMethods, ...recordMethods, ...bundleMethods, ...hubMethods, ...govMethods, ...reportMethods, ...recoveryMethods, ...joinMethods, ...syncMethods, ...committeeMethods, ...meetingMethods, ...federationMethods } as const;

type Areas = [typeof appMethods, typeof recordMethods, typeof bundleMethods, typeof hubMethods, typeof govMethods, typeof reportMethods, typeof recoveryMethods, typeof joinMethods, typeof syncMethods, typeof committeeMethods, typeof meetingMethods, typeof federationMethods];
/** Names declared in more than one area (a spread would silently keep the last one). */
type DuplicateNames<T extends object[]> = T extends [infer Head, ...infer Rest extends object[]]
  ? (Rest[number] extends infer Other ? (Other extends object ? keyof Head & keyof Other : never) : never) | DuplicateNames<Rest>
  : never;
const noDuplicateNames: [DuplicateNames<Areas>] extends [never] ? true : DuplicateNames<Areas> = true;
void noDuplicateNames;

export type Api = typeof api;
export type MethodName = keyof Api;
/** What a caller passes (defaults may be omitted). */
export type Input<M extends MethodName> = z.input<Api[M]['input']>;
/** What a handler receives, after validation and defaults. */
export type ParsedInput<M extends MethodName> = z.output<Api[M]['input']>;
export type Output<M extends MethodName> = NonNullable<Api[M]['output']>;
