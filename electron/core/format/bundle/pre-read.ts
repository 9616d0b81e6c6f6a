/**
 * What the verifying worker already read of an event line while checking it (step 9), passed
 * to the writer thread with the line so that the writer does not parse it a second time: on a
 * million-event import that second JSON.parse was a third of the writer's time.
 *
 * `usage` is set only for a put of kind "usage" whose data passed fastUsage (the conservative
 * fast check of the project's usage schema, inbox/fast-validate.ts). The writer trusts it only
 * when its own registry maps "usage" to that same schema; anything else it parses and checks.
 */
import type { EventEnvelope } from './line-check';
import { fastUsage } from './fast-validate';
import type { UsageFigures } from '../../platform/records/projector';

export type { UsageFigures };

export interface PreRead {
  kind: string;
  put: boolean;
  id: string;
  usage: UsageFigures | null;
}

/** The worker side: the figures of a valid usage put, or null. */
export function usageFiguresOf(ev: EventEnvelope): UsageFigures | null {
  if (ev.op !== 'put' || ev.kind !== 'usage' || !fastUsage(ev.data)) return null;
  const d = ev.data as { service: string; date: string; quantity_milli: number };
  return { service: d.service, month: d.date.slice(0, 7), quantityMilli: d.quantity_milli };
}
