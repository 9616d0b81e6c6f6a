import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { IdentityFileError, readIdentityFileBytes } from '../../core/format/container/identity-file';
import { appError } from '../../core/platform/errors';
import { initMailbox } from '../../server/mailbox/init';
import { DEFAULT_HOST, DEFAULT_PORT } from '../../server/mailbox/limits';
import { CliError, type Command } from '../cli-types';

/**
 * `cst mailbox init|serve`: the consortium's mailbox (docs/sync.md, README "The mailbox server").
 * Its --data-dir is the mailbox's own folder (an index and bundle files), not an installation:
 * these commands never open the app's database.
 */
export const mailboxInitCommand: Command = {
  name: 'mailbox init',
  summary: "prepara la cartella del server del consorzio con l'identità confermata del consorzio",
  usage: 'cst mailbox init --data-dir CARTELLA --hub CONSORZIO.cstid --fingerprint "NNNNN NNNNN NNNNN NNNNN NNNNN NNNNN"',
  options: { hub: { type: 'string' }, fingerprint: { type: 'string' } },
  async run({ values, io, json, dataDir }) {
    if (typeof values.hub !== 'string') throw new CliError('manca --hub CONSORZIO.cstid.', 2);
    if (typeof values.fingerprint !== 'string') throw new CliError('manca --fingerprint "…" (l’impronta letta al telefono con il consorzio).', 2);
    const path = resolve(values.hub);
    let bytes: Buffer;
    try {
      bytes = readIdentityFileBytes(path);
    } catch (err) {
      if (err instanceof IdentityFileError) throw new CliError(err.message);
      throw appError('mailbox.unreadable', { file: path, reason: (err as NodeJS.ErrnoException).code ?? String(err) });
    }
    let hub;
    try {
      hub = initMailbox({ dataDir, hubFile: bytes, hubFileName: basename(path), fingerprint: values.fingerprint });
    } catch (err) {
      if (err instanceof IdentityFileError) throw new CliError(err.message);
      throw err;
    }
    if (!json) {
      io.out(`Server del consorzio pronto in ${dataDir} per ${hub.name} (${hub.id}), chiave ${hub.keyId}.`);
      io.out(`Avviarlo con: cst mailbox serve --data-dir ${dataDir}`);
    }
    return { dataDir, hub: { id: hub.id, name: hub.name, keyId: hub.keyId, fingerprint: hub.fingerprint } };
  },
};

export const mailboxServeCommand: Command = {
  name: 'mailbox serve',
  summary: 'avvia il server del consorzio (la casella postale dei pacchetti) fino a SIGTERM o Ctrl+C',
  usage: `cst mailbox serve --data-dir CARTELLA [--listen INDIRIZZO:PORTA (predefinito ${DEFAULT_HOST}:${DEFAULT_PORT})] [--tls-cert FILE --tls-key FILE] [--public-url URL]`,
  options: { listen: { type: 'string' }, 'tls-cert': { type: 'string' }, 'tls-key': { type: 'string' }, 'public-url': { type: 'string' } },
  async run({ values, io, dataDir }) {
    const listen = typeof values.listen === 'string' ? values.listen : `${DEFAULT_HOST}:${DEFAULT_PORT}`;
    const { host, port } = parseListen(listen);
    const publicUrl = typeof values['public-url'] === 'string' ? checkPublicUrl(values['public-url']) : undefined;
    const certFile = values['tls-cert'];
    const keyFile = values['tls-key'];
    if ((typeof certFile === 'string') !== (typeof keyFile === 'string')) throw appError('mailbox.tlsPair');
    const tls = typeof certFile === 'string' && typeof keyFile === 'string' ? { cert: readOrFail(certFile), key: readOrFail(keyFile) } : undefined;
    // Fastify and pino are loaded only by the command that serves, not by every `cst`.
    const { startMailboxServer } = await import('../../server/mailbox/server');
    let server;
    try {
      server = await startMailboxServer({ dataDir, host, port, ...(publicUrl ? { publicUrl } : {}), ...(tls ? { tls } : {}) });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') throw appError('mailbox.portInUse', { listen, reason: code });
      throw err;
    }
    // The one line a supervisor (or a test) waits for.
    io.out(`In ascolto su ${server.url}`);
    await new Promise<void>((done) => {
      const stop = () => {
        process.off('SIGTERM', stop);
        process.off('SIGINT', stop);
        void server.close().then(done, done);
      };
      process.on('SIGTERM', stop);
      process.on('SIGINT', stop);
    });
    return { url: server.url };
  },
};

/** `HOST:PORT`, `[IPv6]:PORT` or `:PORT` (loopback); another address only when named. */
function parseListen(listen: string): { host: string; port: number } {
  const m = /^(?:\[([0-9a-fA-F:.]+)\]|([^:[\]\s]*)):([0-9]{1,5})$/.exec(listen.trim());
  const port = m ? Number(m[3]) : NaN;
  if (!m || !(port >= 0 && port <= 65535)) throw appError('mailbox.badListen', { listen });
  return { host: m[1] ?? (m[2] || DEFAULT_HOST), port };
}

function checkPublicUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw appError('mailbox.badPublicUrl', { url: text });
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || (url.pathname !== '/' && url.pathname !== '') || url.search || url.hash || url.username) {
    throw appError('mailbox.badPublicUrl', { url: text });
  }
  return `${url.protocol}//${url.host}`;
}

function readOrFail(file: string): Buffer {
  try {
    return readFileSync(resolve(file));
  } catch (err) {
    throw appError('mailbox.unreadable', { file, reason: (err as NodeJS.ErrnoException).code ?? String(err) });
  }
}
