/**
 * The consortium's mailbox (docs/sync.md): `startMailboxServer` opens the data directory made by
 * `cst mailbox init` (init.ts), makes files and index agree after whatever stopped the last run,
 * and serves the protocol with Fastify on Node's http(s) server, with the limits and timeouts
 * of limits.ts. Used by `cst mailbox serve` and, in process, by the tests.
 */
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import type pino from 'pino';
import { appError } from '../../core/platform/errors';
import { makeAuthHook } from './auth';
import { BundleFiles } from './files';
import { DEFAULT_HOST, DEFAULT_PORT, withDefaults, type MailboxLimits } from './limits';
import { logRequest, mailboxLogger } from './logging';
import { isBundleId, isRecipientId } from './paths';
import { Members } from './roster';
import { registerRoutes } from './routes';
import { openMailboxStore } from './init';

export interface MailboxServerOptions {
  dataDir: string;
  host?: string;
  port?: number;
  /** The URL clients use when a reverse proxy stands in front (the signatures cover it). */
  publicUrl?: string;
  tls?: { cert: string | Buffer; key: string | Buffer };
  limits?: Partial<MailboxLimits>;
  /** The clock, in milliseconds (tests move it). */
  now?: () => number;
  /** Where the JSON log lines go (stdout by default); false: nowhere. */
  log?: pino.DestinationStream | false;
}

export interface MailboxServer {
  /** The URL it listens on (`http://127.0.0.1:PORT`). */
  url: string;
  port: number;
  close(): Promise<void>;
}

export { DEFAULT_HOST, DEFAULT_PORT } from './limits';
const HOUR_MS = 3_600_000;

export async function startMailboxServer(options: MailboxServerOptions): Promise<MailboxServer> {
  const limits = withDefaults(options.limits);
  const now = options.now ?? Date.now;
  const log = mailboxLogger(options.log);
  const store = openMailboxStore(options.dataDir);
  try {
    const hub = store.hub();
    if (!hub) throw appError('mailbox.notInitialized', { dir: options.dataDir });
    const members = new Members(hub, store.roster(), (reason) => log.error({ event: 'stored_roster_refused', reason }));
    const files = new BundleFiles(options.dataDir);
    files.sweep(store, now());
    const prune = () => store.pruneTombstones(now() - limits.tombstoneDays * 24 * HOUR_MS);
    prune();

    const scheme = options.tls ? 'https' : 'http';
    const publicUrl = options.publicUrl?.replace(/\/+$/, '');
    const app = Fastify({
      logger: false,
      bodyLimit: limits.jsonBytes,
      connectionTimeout: limits.connectionTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      return503OnClosing: true,
      serverFactory: (handler: (req: IncomingMessage, res: ServerResponse) => void) => {
        const common = {
          headersTimeout: limits.headersTimeoutMs,
          requestTimeout: limits.requestTimeoutMs,
          keepAliveTimeout: limits.keepAliveTimeoutMs,
          connectionsCheckingInterval: limits.timeoutCheckMs,
        };
        return options.tls ? createHttpsServer({ ...common, cert: options.tls.cert, key: options.tls.key }, handler) : createHttpServer(common, handler);
      },
    });

    // Bodies are kept as bytes: the Content-Digest is over the bytes as sent.
    app.removeAllContentTypeParsers();
    app.addContentTypeParser(['application/octet-stream', 'application/json'], { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

    // Before anything else, a body we would refuse is refused unread, and the connection closed
    // so that the client stops sending it.
    app.addHook('onRequest', async (req, reply) => {
      // Node adds Date by itself; set here from our clock so that a test's moved clock is the one clients learn.
      reply.header('date', new Date(now()).toUTCString());
      const declared = Number(req.headers['content-length'] ?? 0);
      const limit = req.routeOptions.bodyLimit ?? limits.jsonBytes;
      if (declared > limit) {
        return reply.code(413).header('connection', 'close').send({ error: 'too_large', message: `The body may be at most ${limit} bytes.` });
      }
    });
    app.addHook('onResponse', async (req, reply) => logRequest(log, req, reply));

    const checkPath = async (req: FastifyRequest, reply: FastifyReply) => {
      const { recipient, sha256 } = req.params as { recipient?: string; sha256?: string };
      if ((recipient !== undefined && !isRecipientId(recipient)) || (sha256 !== undefined && !isBundleId(sha256))) return reply.code(404).send(NOT_FOUND);
    };
    const targetUri = (req: FastifyRequest) => `${publicUrl ?? `${scheme}://${req.headers.host ?? ''}`}${req.url}`;
    const authenticate = makeAuthHook({ members: () => members, store, limits, now, targetUri });

    app.setNotFoundHandler((_req, reply) => reply.code(404).send(NOT_FOUND));
    app.setErrorHandler((error: { code?: string; statusCode?: number; message: string }, _req, reply) => {
      if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return reply.code(413).header('connection', 'close').send({ error: 'too_large', message: 'The body is too large.' });
      if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return reply.code(415).send({ error: 'unsupported_media_type', message: 'Send application/json or application/octet-stream.' });
      if (error.statusCode !== undefined && error.statusCode < 500) return reply.code(error.statusCode).send({ error: 'bad_request', message: 'The request is not well formed.' });
      log.error({ event: 'internal_error', code: error.code, message: error.message });
      return reply.code(500).send({ error: 'internal', message: 'The mailbox failed; retry later.' });
    });

    registerRoutes(app, { store, files, members: () => members, limits, now, log }, { onRequest: [checkPath, authenticate] });

    const pruner = setInterval(prune, HOUR_MS);
    pruner.unref();
    await app.listen({ host: options.host ?? DEFAULT_HOST, port: options.port ?? DEFAULT_PORT });
    const address = app.server.address() as AddressInfo;
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    log.info({ event: 'listening', port: address.port, tls: Boolean(options.tls) });
    let closed: Promise<void> | undefined;
    return {
      url: `${scheme}://${host}:${address.port}`,
      port: address.port,
      close: () =>
        (closed ??= (async () => {
          clearInterval(pruner);
          app.server.closeAllConnections?.();
          await app.close();
          store.close();
        })()),
    };
  } catch (err) {
    store.close();
    throw err;
  }
}

const NOT_FOUND = { error: 'not_found', message: 'No such resource.' };
