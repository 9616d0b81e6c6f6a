/**
 * The endpoints of docs/sync.md "Endpoints". Every handler runs after the path check and the
 * signature check (server.ts) and checks the body's digest first.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import { AGE_MAGIC } from '../../core/format/crypto/age-header';
import { APP_VERSION } from '../../core/platform/app-version';
import { checkDigest } from './auth';
import type { BundleFiles } from './files';
import type { MailboxLimits } from './limits';
import type { MailboxLog } from './logging';
import { isBundleId, parseContentRange, parseRangeStart } from './paths';
import type { Members, Party } from './roster';
import type { MailboxStore } from './store';

export interface RouteDeps {
  store: MailboxStore;
  files: BundleFiles;
  members: () => Members;
  limits: MailboxLimits;
  now: () => number;
  log: MailboxLog;
}

type Req = FastifyRequest<{ Params: { recipient?: string; sha256?: string }; Querystring: { after?: string; limit?: string } }>;

const err = (error: string, message: string, extra: Record<string, unknown> = {}) => ({ error, message, ...extra });
const NOT_ALLOWED = err('recipient_not_allowed', 'This sender may not write to that recipient.');
const NOT_A_BUNDLE = err('not_a_bundle', 'The regional hub may send only age-encrypted bundles.');
/** What every bundle between hubs starts with (age v1, docs/bundle-format.md): the regional party sends nothing else. */
const AGE_START = Buffer.from(AGE_MAGIC, 'latin1');

export function registerRoutes(app: FastifyInstance, deps: RouteDeps, signed: { onRequest: onRequestAsyncHookHandler[] }): void {
  const { store, files, limits, now } = deps;
  /** Uploads with a chunk being written (or hashed and renamed): a second request for one of them waits its turn. */
  const busy = new Set<string>();

  const routeOpts = (bodyLimit: number) => ({ ...signed, bodyLimit, preHandler: digestHook });
  function digestHook(req: FastifyRequest, reply: FastifyReply, done: () => void) {
    if (checkDigest(req, reply, req.body as Buffer | undefined)) done();
  }
  const party = (req: FastifyRequest) => req.party as Party;
  const jsonBody = (req: FastifyRequest): unknown => {
    try {
      return JSON.parse((req.body as Buffer | undefined)?.toString('utf8') ?? '');
    } catch {
      return undefined;
    }
  };

  app.get('/v1/health', async () => ({ status: 'ok', time: new Date(now()).toISOString(), version: APP_VERSION }));

  app.get('/v1/roster', routeOpts(limits.jsonBytes), async (req, reply) => {
    if (party(req).kind !== 'hub') return reply.code(403).send(err('forbidden', 'Only the hub manages the roster.'));
    return deps.members().summary();
  });

  app.put('/v1/roster', routeOpts(limits.jsonBytes), async (req, reply) => {
    if (party(req).kind !== 'hub') return reply.code(403).send(err('forbidden', 'Only the hub manages the roster.'));
    const body = jsonBody(req) as { roster?: unknown; signature?: unknown } | undefined;
    if (typeof body?.roster !== 'string' || typeof body.signature !== 'string') return reply.code(400).send(err('bad_request', 'Expected {"roster": "...", "signature": "..."}.'));
    const result = deps.members().upload(body.roster, body.signature, store, now());
    if (!result.ok) {
      return result.error === 'stale_roster'
        ? reply.code(409).send(err('stale_roster', 'The mailbox holds a roster with this serial or a later one.', deps.members().summary()))
        : reply.code(400).send(err('bad_roster', 'The roster is not signed by the hub of this mailbox, or is not a roster.'));
    }
    for (const row of result.dropped) await files.remove(row.recipient, row.sha256);
    deps.log.info({ event: 'roster', serial: result.serial, members: result.members, removed: result.removed.length, dropped: result.dropped.length });
    return { serial: result.serial, members: result.members };
  });

  /**
   * May this party write to that recipient? The same answer whether the recipient exists or not.
   * A member writes to the hub; the hub to its members and to the regional hub its roster names;
   * the regional hub, like a member, to the hub only: its own bundles for the province
   * (docs/federation.md, "Through the mailbox"), age-encrypted (checked on the first chunk).
   */
  const mayWrite = (p: Party, recipient: string) => {
    if (p.kind === 'member' || p.kind === 'regional') return recipient === 'hub';
    if (recipient === 'regional') return deps.members().hasRegional();
    return recipient !== 'hub' && deps.members().isMember(recipient);
  };

  app.get('/v1/send/:recipient/:sha256', routeOpts(limits.jsonBytes), async (req: Req, reply) => {
    const { recipient, sha256 } = req.params as { recipient: string; sha256: string };
    if (!mayWrite(party(req), recipient)) return reply.code(403).send(NOT_ALLOWED);
    const row = store.bundle(recipient, sha256);
    if (!row || row.sender !== party(req).inbox) return { state: 'absent', received: 0, total: 0 };
    return { state: row.state, received: row.state === 'partial' ? row.received : row.bytes, total: row.bytes };
  });

  app.put('/v1/send/:recipient/:sha256', routeOpts(limits.chunkBytes), async (req: Req, reply) => {
    const { recipient, sha256 } = req.params as { recipient: string; sha256: string };
    const p = party(req);
    if (!mayWrite(p, recipient)) return reply.code(403).send(NOT_ALLOWED);
    const chunk = (req.body as Buffer | undefined) ?? Buffer.alloc(0);
    const range = parseContentRange(req.headers['content-range'] as string | undefined);
    if (!range || range.last - range.first + 1 !== chunk.length) return reply.code(400).send(err('bad_range', 'Content-Range must be bytes first-last/total and match the body.'));
    if (range.total > limits.bundleBytes) return reply.code(413).send(err('too_large', `A bundle may be at most ${limits.bundleBytes} bytes.`));
    const key = `${recipient}/${sha256}`;
    let row = store.bundle(recipient, sha256);
    if (row && row.sender !== p.inbox) return reply.code(403).send(NOT_ALLOWED);
    if (row?.state === 'waiting') return { state: 'waiting', received: row.bytes };
    if (row?.state === 'delivered') return { state: 'delivered' };
    if (busy.has(key)) return reply.code(409).send(err('offset_mismatch', 'A chunk of this upload is being written.', { received: row?.received ?? 0 }));
    if (!row) {
      if (range.first !== 0) return reply.code(409).send(err('offset_mismatch', 'Resend from the offset given.', { received: 0 }));
      // Nothing but a bundle from a party the hub did not enrol itself: no roster, no stray file.
      if (p.kind === 'regional' && !chunk.subarray(0, AGE_START.length).equals(AGE_START)) return reply.code(415).send(NOT_A_BUNDLE);
      const usage = store.senderUsage(p.inbox);
      const [maxCount, maxBytes] = p.kind === 'hub' ? [limits.hubCount, limits.hubBytes] : [limits.memberCount, limits.memberBytes];
      if (usage.count + 1 > maxCount || usage.bytes + range.total > maxBytes) {
        return reply
          .code(429)
          .header('retry-after', String(limits.quotaRetryAfterSeconds))
          .send(err('quota', 'Too many bundles of this sender wait in the mailbox; retry later.'));
      }
      store.startUpload({ recipient, sha256, sender: p.inbox, sender_key: p.keyId, bytes: range.total }, now());
      row = store.bundle(recipient, sha256)!;
    }
    if (range.total !== row.bytes) return reply.code(409).send(err('offset_mismatch', 'The total differs from the upload under way.', { received: row.received }));
    if (range.first !== row.received) return reply.code(409).send(err('offset_mismatch', 'Resend from the offset given.', { received: row.received }));
    const received = range.last + 1;
    const last = received === row.bytes;
    busy.add(key);
    try {
      // A bundle in one chunk (the usual month) is hashed as it came, before anything is written.
      const whole = last && range.first === 0;
      if (whole && createHash('sha256').update(chunk).digest('hex') !== sha256) return await discard(reply, recipient, sha256);
      await files.writeChunk(recipient, sha256, range.first, chunk, last);
      if (!last) {
        store.setReceived(recipient, sha256, received);
        await store.durable();
        return { state: 'partial', received };
      }
      if (!whole && (await files.hashPart(recipient, sha256)) !== sha256) return await discard(reply, recipient, sha256);
      await files.publish(recipient, sha256);
      store.complete(recipient, sha256, now());
      // Said `waiting` only once the index says so on the disk (the group commit: group-commit.ts).
      await store.durable();
      return { state: 'waiting', received: row.bytes };
    } finally {
      busy.delete(key);
    }
  });

  async function discard(reply: FastifyReply, recipient: string, sha256: string) {
    store.drop(recipient, sha256);
    await files.remove(recipient, sha256);
    return reply.code(422).send(err('sha256_mismatch', 'The bundle does not hash to its name; the upload was discarded.'));
  }

  app.get('/v1/inbox', routeOpts(limits.jsonBytes), async (req: Req, reply) => {
    const { after, limit } = req.query;
    const n = limit === undefined ? 100 : /^[0-9]{1,4}$/.test(limit) ? Number(limit) : NaN;
    if ((after !== undefined && !isBundleId(after)) || !(n >= 1 && n <= 1000)) return reply.code(400).send(err('bad_request', 'after must be a sha256, limit 1 to 1000.'));
    const page = store.inbox(party(req).inbox, after, n);
    return {
      items: page.items.map((r) => ({ sha256: r.sha256, bytes: r.bytes, from: r.sender, received_at: new Date(r.completed_at ?? r.created_at).toISOString() })),
      more: page.more,
    };
  });

  app.get('/v1/inbox/:sha256', routeOpts(limits.jsonBytes), async (req: Req, reply) => {
    const sha256 = req.params.sha256 as string;
    const inbox = party(req).inbox;
    const row = store.bundle(inbox, sha256);
    if (!row || row.state !== 'waiting') return reply.code(404).send(err('not_found', 'Nothing with this name waits in your inbox.'));
    const start = parseRangeStart(req.headers.range as string | undefined);
    reply.header('etag', `"${sha256}"`).header('accept-ranges', 'bytes').type('application/octet-stream');
    if (start === 'unsupported' || (typeof start === 'number' && start >= row.bytes)) {
      return reply.code(416).header('content-range', `bytes */${row.bytes}`).send(err('range_not_satisfiable', 'Ask for bytes=<n>- with n below the size.'));
    }
    const from = start ?? 0;
    if (start !== null) reply.code(206).header('content-range', `bytes ${from}-${row.bytes - 1}/${row.bytes}`);
    reply.header('content-length', String(row.bytes - from));
    return reply.send(createReadStream(files.finalPath(inbox, sha256), { start: from }));
  });

  app.delete('/v1/inbox/:sha256', routeOpts(limits.jsonBytes), async (req: Req, reply) => {
    const sha256 = req.params.sha256 as string;
    const inbox = party(req).inbox;
    // The index first, on the disk: a crash before the file is gone leaves an orphan the start-up sweep removes.
    if (store.deliver(inbox, sha256, now())) {
      await store.durable();
      await files.remove(inbox, sha256);
    }
    return reply.code(204).send();
  });

  /** The same as DELETE for each id, in one request and one transaction (the hub drains thousands). */
  app.post('/v1/inbox/delete', routeOpts(limits.deleteBatchBytes), async (req, reply) => {
    const ids = (jsonBody(req) as { sha256?: unknown } | undefined)?.sha256;
    if (!Array.isArray(ids) || ids.length < 1 || ids.length > limits.deleteBatchIds || !ids.every(isBundleId) || new Set(ids).size !== ids.length) {
      return reply.code(400).send(err('bad_request', `Expected {"sha256": [...]}: 1 to ${limits.deleteBatchIds} distinct sha256 ids.`));
    }
    const inbox = party(req).inbox;
    const gone = store.deliverMany(inbox, ids, now());
    if (gone.length > 0) {
      await store.durable();
      for (const sha256 of gone) await files.remove(inbox, sha256);
    }
    return reply.code(204).send();
  });
}
