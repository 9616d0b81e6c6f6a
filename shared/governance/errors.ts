/**
 * Errors of the governance rules. The functions of `shared/governance` are pure and throw these
 * on bad input; the core catches them and returns them as API error values
 * (`{ ok: false, error: { code: 'E_VALIDATION', message, params } }`), so a class instance never
 * crosses a transport. `code` is stable (tests and UI catalogues key on it), `message` is an
 * Italian sentence a clerk can act on, `params` the figures it names.
 */
export class GovernanceError extends Error {
  readonly code: string;
  readonly params: Record<string, string | number>;

  constructor(code: string, message: string, params: Record<string, string | number> = {}) {
    super(message);
    this.name = 'GovernanceError';
    this.code = code;
    this.params = params;
  }
}

/** The value the core returns for a refused input (errors cross as values). */
export function governanceErrorValue(e: GovernanceError): { code: string; message: string; params: Record<string, string | number> } {
  return { code: e.code, message: e.message, params: { ...e.params } };
}
