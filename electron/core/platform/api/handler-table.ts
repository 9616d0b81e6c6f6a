import type { MethodName, Output, ParsedInput } from '../../../../shared/api/contract';
import type { AppContext } from '../context';

export type Handler<M extends MethodName> = (ctx: AppContext, input: ParsedInput<M>) => Output<M> | Promise<Output<M>>;

/** A feature's handlers: a partial table, checked against the contract with `satisfies`. */
export type HandlerGroup = { [M in MethodName]?: Handler<M> };
export type HandlerTable = { [M in MethodName]: Handler<M> };

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/**
 * Joins the feature groups into one table, refusing a method implemented twice
 * (two features silently overriding each other is the drift this registry exists to stop).
 * The result's type is the intersection of the groups, so assigning it to `HandlerTable`
 * fails to compile while any method of the contract has no handler.
 */
export function joinHandlerGroups<G extends HandlerGroup[]>(...groups: G): UnionToIntersection<G[number]> {
  const table: Record<string, unknown> = {};
  for (const group of groups) {
    for (const [name, handler] of Object.entries(group)) {
      if (name in table) throw new Error(`Metodo registrato due volte: ${name}`);
      table[name] = handler;
    }
  }
  return table as UnionToIntersection<G[number]>;
}
