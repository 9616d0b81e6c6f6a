import { z } from 'zod';
import { api, type MethodName } from './contract';

/** A field's place in an input: property names, `[]` for any item of a list. */
export type FieldPath = readonly string[];

interface JsonNode {
  localPath?: boolean;
  $ref?: string;
  properties?: Record<string, JsonNode>;
  items?: JsonNode | JsonNode[];
  anyOf?: JsonNode[];
  oneOf?: JsonNode[];
  allOf?: JsonNode[];
  $defs?: Record<string, JsonNode>;
}

const cache = new Map<string, FieldPath[]>();

/**
 * Where a method's input may carry a local path: every field declared with `localPath()`
 * (shared/domain/local-path.ts), found in the input schema itself, so a new path field is
 * refused to the window the day it is declared, without a list to keep up to date.
 */
export function localPathFields(method: MethodName): FieldPath[] {
  let fields = cache.get(method);
  if (!fields) {
    const root = z.toJSONSchema(api[method].input as z.ZodType, { io: 'input', unrepresentable: 'any' }) as JsonNode;
    fields = [];
    collect(root, [], fields, root.$defs ?? {}, 0);
    cache.set(method, fields);
  }
  return fields;
}

function collect(node: JsonNode | undefined, at: string[], out: FieldPath[], defs: Record<string, JsonNode>, depth: number): void {
  if (!node || typeof node !== 'object' || depth > 32) return;
  if (node.localPath === true) out.push(at);
  if (node.$ref?.startsWith('#/$defs/')) collect(defs[node.$ref.slice(8)], at, out, defs, depth + 1);
  for (const [key, child] of Object.entries(node.properties ?? {})) collect(child, [...at, key], out, defs, depth + 1);
  for (const child of Array.isArray(node.items) ? node.items : node.items ? [node.items] : []) collect(child, [...at, '[]'], out, defs, depth + 1);
  for (const child of [...(node.anyOf ?? []), ...(node.oneOf ?? []), ...(node.allOf ?? [])]) collect(child, at, out, defs, depth + 1);
}

/**
 * The first local-path field present in a raw input, as it reads ("out", "files[0].path"),
 * or null. Read on the raw input, before validation: a field is refused by being there at all.
 */
export function localPathIn(method: MethodName, input: unknown): string | null {
  for (const field of localPathFields(method)) {
    const found = present(input, field, 0, '');
    if (found !== null) return found;
  }
  return null;
}

function present(value: unknown, field: FieldPath, i: number, shown: string): string | null {
  if (i === field.length) return shown;
  if (typeof value !== 'object' || value === null) return null;
  const key = field[i] as string;
  if (key === '[]') {
    if (!Array.isArray(value)) return null;
    for (let n = 0; n < value.length; n++) {
      const found = present(value[n], field, i + 1, `${shown}[${n}]`);
      if (found !== null) return found;
    }
    return null;
  }
  if (Array.isArray(value) || !Object.hasOwn(value, key)) return null;
  return present((value as Record<string, unknown>)[key], field, i + 1, shown ? `${shown}.${key}` : key);
}
