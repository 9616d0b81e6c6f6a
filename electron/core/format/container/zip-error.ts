/**
 * A ZIP refused by the strict reader. `format`: the archive breaks a rule of docs/bundle-format.md
 * "Container" (E_FORMAT); `limit`: a declared count or size is over the caller's limits
 * (E_LIMIT). The message is a precise technical detail for logs and for the clerk's
 * "dettagli tecnici"; the caller writes the Italian sentence.
 */
export class ZipError extends Error {
  constructor(
    readonly code: 'format' | 'limit',
    message: string,
  ) {
    super(message);
    this.name = 'ZipError';
  }
}
