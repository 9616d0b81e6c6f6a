/**
 * Why an age file cannot be opened. `no_match`: no X25519 stanza opens with our identities
 * (the file is for someone else: E_DECRYPT). `format`: the file is damaged or not canonical
 * (header, payload, truncation, trailing data: E_FORMAT). The message is technical English
 * for logs; the caller writes the sentence for the clerk.
 */
export class AgeError extends Error {
  constructor(
    readonly code: 'no_match' | 'format',
    message: string,
  ) {
    super(message);
    this.name = 'AgeError';
  }
}
