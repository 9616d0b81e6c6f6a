import { GovernanceError } from '../../../shared/governance/errors';
import type { AppContext } from '../platform/context';
import { FORMAT_LIMITS } from '../format/bundle/limits';
import { appError } from '../platform/errors';
import { requireInstallation } from '../platform/installation/installation-store';

/**
 * The pure rules throw GovernanceError; the API returns it as the catalogue's refusal (its key,
 * the Italian sentence, the figures it names) with its stable rule code in `params.rule`, so the
 * CLI and the window say it in the user's language. `field` points the UI at the input when the
 * rule says which.
 */
export function withRules<T>(fn: () => T, field?: string): T {
  try {
    return fn();
  } catch (e) {
    throw asAppError(e, field);
  }
}

export function asAppError(e: unknown, field?: string): unknown {
  if (e instanceof GovernanceError) {
    const f = field ?? (typeof e.params.field === 'string' ? e.params.field : undefined);
    // The key is known only at run time here: its params were typed where the rule threw it.
    return appError(e.key as 'rule.planTextRequired', e.params as never, { ...(f ? { field: f } : {}), params: { rule: e.code } });
  }
  return e;
}

/** Only the hub evaluates, plans and reports (docs/design.md: the hub owns these records). */
export function requireGovHub(ctx: AppContext): { id: string; name: string } {
  const inst = requireInstallation(ctx.db);
  if (inst.role !== 'hub') {
    throw appError('gov.hubOnly', {}, { params: { rule: 'GOV_HUB_ONLY' } });
  }
  return { id: inst.id, name: inst.name };
}

export function requireGovMunicipality(ctx: AppContext): { istat: string } {
  const inst = requireInstallation(ctx.db);
  if (inst.role !== 'municipality') {
    throw appError('gov.municipalityOnly', {}, { params: { rule: 'GOV_MUNICIPALITY_ONLY' } });
  }
  return { istat: inst.id };
}

/**
 * A record travels as one line of events.ndjson, which readers refuse beyond FORMAT_LIMITS'
 * 1 MiB: refuse here, before the event is written, rather than send a bundle nobody can read.
 */
export function checkLineSize(what: { it: string; en: string }, data: unknown): void {
  const bytes = Buffer.byteLength(JSON.stringify(data), 'utf8');
  if (bytes > FORMAT_LIMITS.lineBytes - 4096) {
    throw appError('gov.recordTooLarge', { what: what.it, whatEn: what.en, kib: Math.ceil(bytes / 1024) }, { params: { rule: 'RECORD_TOO_LARGE' } });
  }
}
