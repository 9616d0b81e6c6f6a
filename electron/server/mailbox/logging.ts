/**
 * One JSON line per request (pino), with nothing personal in it: the route's pattern (never the
 * URL, which names a municipality), the status, the time, the signer's key id and the bytes in
 * and out. No names, no bodies, no ISTAT codes.
 */
import pino, { type Logger } from 'pino';
import type { FastifyReply, FastifyRequest } from 'fastify';

export type MailboxLog = Logger;

/** Logs to `destination` (stdout by default), synchronously: a line is written before the process may die. */
export function mailboxLogger(destination?: pino.DestinationStream | false): MailboxLog {
  if (destination === false) return pino({ enabled: false });
  return pino({ base: { service: 'cst-mailbox' }, timestamp: pino.stdTimeFunctions.isoTime }, destination ?? pino.destination({ dest: 1, sync: true }));
}

export function logRequest(log: MailboxLog, req: FastifyRequest, reply: FastifyReply): void {
  const out = Number(reply.getHeader('content-length') ?? 0);
  log.info({
    method: req.method,
    route: req.routeOptions.url ?? 'unmatched',
    status: reply.statusCode,
    ms: Math.round(reply.elapsedTime * 10) / 10,
    key: req.party?.keyId,
    in: Number(req.headers['content-length'] ?? 0),
    out: Number.isFinite(out) ? out : 0,
  });
}
