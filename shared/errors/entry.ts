import type { ErrorCode } from '../api/errors';

/**
 * One sentence of the error catalogue, in both languages. `{name}` marks a param: the Italian
 * and the English sentence name the same params (a test checks it). `code` is the API error code
 * the sentence is sent with (stable on the wire; CLI exit codes and tests key on it).
 * `aboutField`: the sentence is about the input field the error names, so the one-line form
 * (CLI, logs) is prefixed with «Campo «x»: » — the window shows it next to the field instead.
 */
export interface ErrorEntry {
  readonly code: ErrorCode;
  readonly it: string;
  readonly en: string;
  readonly aboutField?: true;
}

export type Language = 'it' | 'en';
export type ParamValue = string | number;

/** The params a sentence names: `'a {x} b {y}'` → `'x' | 'y'`. */
export type Holes<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | Holes<Rest> : never;

/** Fills `{name}` from params; a param left unfilled stays visible as `{name}` (a test catches it). */
export function fill(template: string, params: Readonly<Record<string, ParamValue>> = {}): string {
  return template.replace(/\{([A-Za-z0-9_]+)\}/g, (hole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : hole));
}

/** The names of the params a sentence uses, in order, each once. */
export function holesOf(template: string): string[] {
  return [...new Set([...template.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1]!))];
}
