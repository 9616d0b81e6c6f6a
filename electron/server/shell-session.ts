import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * The browser shell's session. The browser is started with a one-time launch code in its
 * address (`/open?code=…`), which every local user can read in the process list; the shell
 * exchanges it once for the session key, kept in a cookie the page's scripts cannot read
 * (HttpOnly), sent only by pages of the shell itself (SameSite=Strict), and the code is then
 * worthless. Other clients of the same user (tests, in-process tools) may send the key as the
 * `X-CST-Secret` header instead.
 */
export class ShellSession {
  /** The session key: the cookie's value. */
  readonly secret: string;
  /** Cookies do not tell ports apart: two shells on 127.0.0.1 need cookies of different names. */
  readonly cookieName: string;
  /** A readable cookie holding nothing secret: tells the page it was opened by a launch code. */
  readonly markerName: string;
  private readonly codes = new Set<string>();

  constructor(port: number, secret = randomBytes(24).toString('hex')) {
    this.secret = secret;
    this.cookieName = `cst-desk-session-${port}`;
    this.markerName = `cst-desk-open-${port}`;
  }

  /** A new code for one browser window; it opens the app once. */
  mintLaunchCode(): string {
    const code = randomBytes(24).toString('hex');
    this.codes.add(code);
    return code;
  }

  /** True (and the code forgotten) for a code minted here and not yet used. */
  redeem(code: string | null): boolean {
    if (!code || !this.codes.has(code)) return false;
    this.codes.delete(code);
    return true;
  }

  /** The two cookies set by a redeemed code; session cookies (they end with the browser). */
  cookies(): string[] {
    return [`${this.cookieName}=${this.secret}; Path=/; HttpOnly; SameSite=Strict`, `${this.markerName}=1; Path=/; SameSite=Strict`];
  }

  /** Whether a request carries the key, in the header or in the session cookie. */
  authorizes(req: IncomingMessage): boolean {
    const header = req.headers['x-cst-secret'];
    if (typeof header === 'string' && header !== '' && secretMatches(this.secret, header)) return true;
    return secretMatches(this.secret, cookieValue(req.headers.cookie, this.cookieName));
  }

  /** Whether the key came as the header (a client that is not a page: no cross-site risk). */
  viaHeader(req: IncomingMessage): boolean {
    const header = req.headers['x-cst-secret'];
    return typeof header === 'string' && secretMatches(this.secret, header);
  }
}

export function secretMatches(secret: string, given: string | null | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(secret);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}
