/** The glossary's words, in the order the guide lists them (keys of `glossary.*` in the catalogue). */
export const GLOSSARY_TERMS = ['impronta', 'identita', 'chiave', 'firma', 'cifratura', 'pacchetto', 'hub', 'membro', 'proposta', 'piano', 'quota', 'cronologia'] as const;

export type GlossaryTerm = (typeof GLOSSARY_TERMS)[number];

export function glossaryPath(term: GlossaryTerm): string {
  return `/help/${term}`;
}

/** The id of a word's entry: `#/help/<term>` moves the focus there. */
export function glossaryId(term: string): string {
  return `glossary-${term}`;
}

export function isGlossaryTerm(s: string): s is GlossaryTerm {
  return (GLOSSARY_TERMS as readonly string[]).includes(s);
}
