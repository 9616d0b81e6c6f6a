/**
 * The composition root (electron/core/app/modules.ts): every registry is derived from the one
 * list of feature modules, and the list is complete and consistent.
 */
import { describe, expect, it } from 'vitest';
import { api } from '../../shared/api/contract';
import { MUNICIPALITY_RECORD_KINDS, RECORD_KINDS } from '../../shared/records/kinds';
import { handlers, MODULES, RECORD_REGISTRY, WRITTEN_KINDS } from '../../electron/core/app/modules';
import { composeModules, type FeatureModule } from '../../electron/core/platform/api/feature-module';

const kindsOf = (list: readonly { kind: string }[]) => list.map((k) => k.kind).sort();

describe('the feature modules', () => {
  it('implement every method of the contract, each once', () => {
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(api).sort());
  });

  it('declare every record kind of the format, each in one module', () => {
    expect(kindsOf(WRITTEN_KINDS)).toEqual(kindsOf(RECORD_KINDS));
  });

  it('rebuild every record kind a municipality writes, and only those', () => {
    expect(Object.keys(RECORD_REGISTRY.restorers).sort()).toEqual(kindsOf(MUNICIPALITY_RECORD_KINDS));
  });

  it("keep the hub's proposal projector before governance's (governance reads hub_proposals)", () => {
    const names = MODULES.map((m) => m.name);
    expect(names.indexOf('hub')).toBeLessThan(names.indexOf('governance'));
    const proposalProjectors = RECORD_REGISTRY.projectors.filter((p) => p.kind === 'proposal');
    // The hub's, the publication to members (condivisione) and governance's resubmission.
    expect(proposalProjectors).toHaveLength(3);
    const hub = MODULES.find((m) => m.name === 'hub') as FeatureModule;
    expect(proposalProjectors[0]).toBe(hub.projectors?.find((p) => p.kind === 'proposal'));
  });

  it('refuse a method, a restorer or a kind claimed twice', () => {
    const usage = MODULES.find((m) => m.name === 'municipality/usage') as FeatureModule;
    expect(() => composeModules([usage, { ...usage, name: 'copy', kinds: [], restorers: {} }])).toThrow(/Metodo registrato due volte: catalogue\.list/);
    expect(() => composeModules([usage, { name: 'copy', restorers: usage.restorers }])).toThrow(/usage/);
    expect(() => composeModules([usage, { name: 'copy', kinds: usage.kinds }])).toThrow(/usage/);
    expect(() => composeModules([usage, usage])).toThrow(/due volte/);
  });
});
