/**
 * The signature check of docs/sync.md "Signed requests", run as an `onRequest` hook, before any
 * body is read: profile, key on the roster, `created` in the window, fresh nonce, signature. The
 * body's Content-Digest is checked once the (bounded) body is in (`checkDigest`). Every failure
 * but the clock is the same 401, so an unknown key and a wrong signature cannot be told apart.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  parseContentDigest,
  parseSignature,
  requireOurProfile,
  verifyRequestSignature,
} from '../../core/sync/network/http-signature';
import type { Members, Party } from './roster';
import type { MailboxStore } from './store';
import type { MailboxLimits } from './limits';

declare module 'fastify' {
  interface FastifyRequest {
    party?: Party;
  }
}

export const UNAUTHORIZED = { error: 'unauthorized', message: 'The request is not signed by a key this mailbox knows, or its signature does not hold.' };

export interface AuthDeps {
  members: () => Members;
  store: MailboxStore;
  limits: MailboxLimits;
  now: () => number;
  /** The URI the client signed: `--public-url` + path, else scheme + Host + path. */
  targetUri: (req: FastifyRequest) => string;
}

export function makeAuthHook(deps: AuthDeps) {
  return async function authenticate(req: FastifyRequest, reply: FastifyReply): Promise<void> {
    const refuse = () => reply.code(401).send(UNAUTHORIZED);
    let parsed;
    try {
      parsed = parseSignature(req.headers as Record<string, string | undefined>);
      requireOurProfile(parsed);
    } catch {
      return refuse();
    }
    const party = deps.members().party(parsed.params.keyid);
    const key = party ? deps.members().publicKey(parsed.params.keyid) : null;
    if (!party || !key || !parseContentDigest(req.headers['content-digest'] as string | undefined)) return refuse();
    try {
      verifyRequestSignature({ method: req.method, targetUri: deps.targetUri(req), headers: req.headers as Record<string, string | undefined> }, parsed, key);
    } catch {
      return refuse();
    }
    // The clock is said only to a request whose signature holds: an outsider learns nothing.
    const now = deps.now();
    if (Math.abs(parsed.params.created - Math.floor(now / 1000)) > deps.limits.clockWindowSeconds) {
      return reply.code(401).send({ error: 'clock_skew', message: 'The request was signed with a clock too far from the server’s.', server_time: new Date(now).toISOString() });
    }
    if (!deps.store.useNonce(parsed.params.keyid, parsed.params.nonce as string, now, deps.limits.nonceSeconds * 1000)) return refuse();
    req.party = party;
  };
}

/** After the body is read: its SHA-256 must be the one the signature covered (an empty body for GET and DELETE). */
export function checkDigest(req: FastifyRequest, reply: FastifyReply, body: Buffer | undefined): boolean {
  const claimed = parseContentDigest(req.headers['content-digest'] as string | undefined);
  const actual = createHash('sha256').update(body ?? Buffer.alloc(0)).digest();
  if (claimed && claimed.length === actual.length && timingSafeEqual(claimed, actual)) return true;
  void reply.code(401).send(UNAUTHORIZED);
  return false;
}
