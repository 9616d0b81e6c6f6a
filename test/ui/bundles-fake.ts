import axe from 'axe-core';
import { vi } from 'vitest';
import type { z } from 'zod';
import type { PushEvents } from '../../shared/api/events';
import { api as contract, type Input, type MethodName, type Output } from '../../shared/api/contract';
import type { ApiError, Result } from '../../shared/api/errors';
import type { BundleImportResult, Peer } from '../../shared/domain/bundles';
import type { Installation } from '../../shared/domain/installation';
import { createFakeApi, FINGERPRINT, type FakeBackend } from './fake-api';
import { useImportsStore } from '../../renderer/src/features/imports/store';

/** Handlers of the bundle methods for UI tests: inputs are validated with the contract's schemas first. */
export type Handlers = Partial<{ [M in MethodName]: (input: z.output<(typeof contract)[M]['input']>) => Output<M> | ApiError }>;

export interface BundleFake extends FakeBackend {
  /** Pushes a `task.progress` event to the subscribed screens. */
  emitProgress(payload: PushEvents['task.progress']): void;
}

export function createBundleFake(installation: Installation, handlers: Handlers): BundleFake {
  const override: Record<string, (input: unknown) => Result<unknown> | undefined> = {};
  for (const [method, handler] of Object.entries(handlers)) {
    override[method] = (input) => {
      const parsed = (contract[method as MethodName].input as z.ZodType).safeParse(input ?? {});
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return { ok: false, error: { code: 'E_VALIDATION', message: issue?.message ?? '', field: issue?.path.join('.') ?? '' } };
      }
      const out = (handler as (i: unknown) => unknown)(parsed.data);
      if (out && typeof out === 'object' && 'code' in out && 'message' in out && !('outcome' in out)) return { ok: false, error: out as ApiError };
      return { ok: true, value: out };
    };
  }
  const fake = createFakeApi({ installation, override: override as never });
  const listeners = new Set<(p: PushEvents['task.progress']) => void>();
  return {
    ...fake,
    subscribe: ((event: string, listener: (p: PushEvents['task.progress']) => void) => {
      if (event !== 'task.progress') return () => undefined;
      listeners.add(listener);
      return () => listeners.delete(listener);
    }) as FakeBackend['subscribe'],
    emitProgress: (p) => listeners.forEach((l) => l(p)),
  };
}

export function resetBundleStores(): void {
  useImportsStore.setState({ results: [], importedAt: null });
  vi.restoreAllMocks();
}

export function peer(over: Partial<Peer> = {}): Peer {
  return {
    kind: 'hub',
    id: 'CST-PU',
    name: 'CST Pesaro-Urbino',
    keyId: '5E85F8966369CF7E',
    signingKey: 'RWR+x',
    ageRecipient: 'age1x',
    fingerprint: FINGERPRINT,
    status: 'pending',
    importedAt: '2026-11-26T09:00:00.000Z',
    confirmedAt: null,
    appliedSeq: 0,
    lastReceivedAt: null,
    ackedSeq: null,
    ackProblem: null,
    waitingBundles: 0,
    ...over,
  };
}

export function result(over: Partial<BundleImportResult>): BundleImportResult {
  return {
    file: 'x.cstb',
    sha256: 'a'.repeat(64),
    outcome: 'applied',
    code: null,
    sender: { kind: 'municipality', id: '041067' },
    range: { first: 1, last: 3 },
    message: 'Applicato.',
    detail: null,
    eventsApplied: 3,
    warnings: [],
    alsoApplied: [],
    ...over,
  };
}

/** axe-core on the document: serious and critical problems (colour contrast is checked in Chromium). */
export async function seriousViolations(): Promise<string[]> {
  const r = await axe.run(document, { rules: { 'color-contrast': { enabled: false } }, resultTypes: ['violations'] });
  return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

export type { Input };

/**
 * Records what the page downloads through a Blob and a temporary `<a download>` (jsdom has no
 * object URLs): the file names, in order.
 */
export function recordDownloads(): string[] {
  const names: string[] = [];
  Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:fake'), revokeObjectURL: vi.fn() });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    names.push(this.download);
  });
  return names;
}
