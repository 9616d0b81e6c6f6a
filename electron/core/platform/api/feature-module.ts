import type { RecordKind } from '../../../../shared/records/registry';
import type { Projector, RecordRegistry } from '../records/projector';
import type { RestoreFn } from '../records/recovered-event';
import { joinHandlerGroups, type HandlerGroup } from './handler-table';

/**
 * A feature of the core as one object: the API methods it implements, what it does when
 * records of its kinds are received (projectors) or recovered (restorers), and the record kinds
 * it writes. The composition root (app/modules.ts) lists the modules once; the handler table
 * and the record registry are derived from that list, never kept by hand beside it.
 */
export interface FeatureModule {
  /** The feature's folder, for messages about the composition. */
  name: string;
  handlers?: HandlerGroup;
  /** Projections of received records, kept inside the transaction that applies a bundle. */
  projectors?: readonly Projector[];
  /** How each record kind this feature writes is rebuilt from a recovered event. */
  restorers?: Readonly<Record<string, RestoreFn>>;
  /** The record kinds this installation's role writes through this feature (single writer). */
  kinds?: readonly RecordKind[];
}

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
type HandlersOf<M> = M extends { handlers: infer H } ? H : Record<never, never>;

export interface Composition<M extends readonly FeatureModule[]> {
  /** Every module's handlers; its type is the intersection of theirs (see joinHandlerGroups). */
  handlers: UnionToIntersection<HandlersOf<M[number]>>;
  records: RecordRegistry;
  kinds: readonly RecordKind[];
}

/**
 * Derives the handler table, the record registry and the list of written kinds from the
 * modules, refusing a method, a restorer or a kind claimed by two modules (two features
 * silently overriding each other is the drift a single list exists to stop).
 */
export function composeModules<const M extends readonly FeatureModule[]>(modules: M): Composition<M> {
  const names = new Set<string>();
  const restorers: Record<string, RestoreFn> = {};
  const kinds: RecordKind[] = [];
  for (const m of modules) {
    if (names.has(m.name)) throw new Error(`Modulo elencato due volte: ${m.name}`);
    names.add(m.name);
    for (const [kind, restore] of Object.entries(m.restorers ?? {})) {
      if (kind in restorers) throw new Error(`Ricostruzione del tipo «${kind}» registrata due volte (${m.name})`);
      restorers[kind] = restore;
    }
    for (const k of m.kinds ?? []) {
      if (kinds.some((other) => other.kind === k.kind)) throw new Error(`Tipo di dato «${k.kind}» dichiarato da due moduli (${m.name})`);
      kinds.push(k);
    }
  }
  const handlers = joinHandlerGroups(...modules.map((m) => m.handlers ?? {})) as Composition<M>['handlers'];
  return { handlers, records: { projectors: modules.flatMap((m) => m.projectors ?? []), restorers }, kinds };
}
