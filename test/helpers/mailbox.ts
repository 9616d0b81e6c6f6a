/**
 * The consortium's mailbox for tests (docs/sync.md): a real server on 127.0.0.1, port 0, with a
 * real data directory, in this process (`startTestMailbox`) or as the real `cst mailbox serve`
 * process (`startMailboxProcess`), plus what a test needs around it: a courier signed with an
 * installation's real keys (`courierFor`), the hub's signed roster (`rosterFor`) and the server's
 * JSON log lines (what each request cost, in bytes). Everything is stopped after each test
 * (after-each-test.ts); a test that must wait for the stop calls `stopTestMailboxes()`.
 *
 * For fault injection, property tests and benchmarks: put a proxy between `courierFor(…, url)`
 * and `mailbox.url`; use `limits` for small quotas and timeouts, `now` to move the server's clock.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { once } from 'node:events';
import { join } from 'node:path';
import { initMailbox } from '../../electron/server/mailbox/init';
import type { MailboxLimits } from '../../electron/server/mailbox/limits';
import { startMailboxServer, type MailboxServer } from '../../electron/server/mailbox/server';
import { loadInstallationKeys } from '../../electron/core/sync/identity/keys';
import { createMailboxCourier, type MailboxCourier, type MailboxCourierOptions } from '../../electron/core/sync/network/mailbox-courier';
import { signRoster } from '../../electron/core/sync/network/roster';
import { contentDigest, ed25519PrivateKey, signRequest } from '../../electron/core/sync/network/http-signature';
import type { InstallationKeys } from '../../electron/core/sync/identity/keys';
import type { SignedRoster } from '../../electron/core/sync/network/courier';
import { BIN } from '../cli/cli-run';
import { afterEachTest } from './after-each-test';
import type { TestBackend } from './backend';
import { tempDir } from './temp-dir';

/** One line of the server's log (electron/server/mailbox/logging.ts). */
export interface MailboxLogLine {
  level: number;
  method?: string;
  route?: string;
  status?: number;
  key?: string;
  /** Bytes the request declared (Content-Length) and bytes the response sent. */
  in?: number;
  out?: number;
  event?: string;
  [field: string]: unknown;
}

export interface TestMailbox {
  url: string;
  port: number;
  /** The mailbox's own data folder (index and bundle files). */
  dataDir: string;
  /** Every log line since the start (a restart keeps appending). */
  logs: MailboxLogLine[];
  /** The request lines only, optionally of one route pattern (`/v1/send/:recipient/:sha256`). */
  requests(route?: string, method?: string): MailboxLogLine[];
  close(): Promise<void>;
  /** Closes and starts again on the same folder and port (what a restart after a crash finds). */
  restart(changes?: Partial<TestMailboxOptions>): Promise<void>;
}

export interface TestMailboxOptions {
  /** The hub whose identity the mailbox is initialised with (`cst mailbox init`). */
  hub: TestBackend | { dataDir: string };
  /** An existing mailbox folder (already initialised); a new one otherwise. */
  dataDir?: string;
  limits?: Partial<MailboxLimits>;
  now?: () => number;
  publicUrl?: string;
  port?: number;
}

const servers = new Set<MailboxServer>();
const processes = new Set<ChildProcess>();

/** A fresh mailbox folder initialised with the hub's identity file and its fingerprint, as `cst mailbox init` does. */
export async function initMailboxFor(hub: TestBackend | { dataDir: string }, dataDir = tempDir('cst-mailbox-')): Promise<string> {
  const { hubFile, fingerprint } = await hubIdentityFile(hub);
  initMailbox({ dataDir, hubFile, hubFileName: 'hub.cstid', fingerprint });
  return dataDir;
}

/** The hub's .cstid bytes and fingerprint (from its backend, or from `cst` when only a folder is given). */
export async function hubIdentityFile(hub: TestBackend | { dataDir: string }): Promise<{ hubFile: Buffer; fingerprint: string }> {
  if ('must' in hub) {
    const file = await hub.must('identity.export', {});
    const me = await hub.must('identity.show', {});
    return { hubFile: Buffer.from(file.contentBase64, 'base64'), fingerprint: me.fingerprint };
  }
  const { cst } = await import('../cli/cli-run');
  const out = join(tempDir(), 'hub.cstid');
  const exp = await cst(['identity', 'export', '--out', out, '--data-dir', hub.dataDir]);
  const show = await cst(['identity', 'show', '--json', '--data-dir', hub.dataDir]);
  if (exp.code !== 0 || show.code !== 0) throw new Error(`hub identity: ${exp.stderr}${show.stderr}`);
  const { readFileSync } = await import('node:fs');
  return { hubFile: readFileSync(out), fingerprint: JSON.parse(show.stdout).value.fingerprint };
}

/** A real mailbox server in this process, on 127.0.0.1 and a free port, logs captured. */
export async function startTestMailbox(options: TestMailboxOptions): Promise<TestMailbox> {
  const dataDir = options.dataDir ?? (await initMailboxFor(options.hub));
  const logs: MailboxLogLine[] = [];
  const destination = { write: (line: string) => void logs.push(JSON.parse(line) as MailboxLogLine) };
  let current = options;
  let server: MailboxServer;
  const start = async (port: number) => {
    server = await startMailboxServer({
      dataDir,
      host: '127.0.0.1',
      port,
      log: destination,
      ...(current.limits ? { limits: current.limits } : {}),
      ...(current.now ? { now: current.now } : {}),
      ...(current.publicUrl ? { publicUrl: current.publicUrl } : {}),
    });
    servers.add(server);
  };
  await start(options.port ?? 0);
  const mailbox: TestMailbox = {
    url: server!.url,
    port: server!.port,
    dataDir,
    logs,
    requests: (route, method) => logs.filter((l) => l.route !== undefined && (!route || l.route === route) && (!method || l.method === method)),
    close: async () => {
      servers.delete(server);
      await server.close();
    },
    restart: async (changes = {}) => {
      await mailbox.close();
      current = { ...current, ...changes };
      await start(mailbox.port);
    },
  };
  return mailbox;
}

/** A courier signed with the installation's keys (its `keys/secret.json`), talking to `url`. */
export function courierFor(installation: TestBackend | { dataDir: string }, url: string, options: Partial<MailboxCourierOptions> = {}): MailboxCourier {
  return createMailboxCourier({ baseUrl: url, keys: loadInstallationKeys(installation.dataDir), timeoutMs: 10_000, ...options });
}

/** The hub's roster listing these members (their identities as the hub confirmed them), signed with the hub's key. */
export async function rosterFor(hub: TestBackend, members: TestBackend[], serial = 1): Promise<SignedRoster> {
  const me = await hub.must('identity.show', {});
  const listed = [];
  for (const m of members) {
    const them = await m.must('identity.show', {});
    listed.push({ id: them.id, name: them.name, signing_key: them.signingKey });
  }
  return signRoster(
    { format: 'cst-mailbox-roster', version: 1, hub: me.id, serial, issued_at: '2026-11-26T08:00:00.000Z', members: listed },
    loadInstallationKeys(hub.dataDir).signing,
  );
}

export interface MailboxProcess {
  url: string;
  child: ChildProcess;
  /** What the process wrote so far. */
  stdout(): string;
  /** Its JSON log lines so far (a request's line is written just after its answer: see `until`). */
  logs(): MailboxLogLine[];
  stderr(): string;
  /** SIGTERM (or another signal) and its exit. */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** kill -9, as a power cut or the OOM killer does. */
  kill(): Promise<void>;
}

/** `cst mailbox serve` as a real child process (bin/cst.mjs), on 127.0.0.1 and a free port unless `listen` says otherwise. */
export async function startMailboxProcess(options: { dataDir: string; listen?: string; args?: string[] }): Promise<MailboxProcess> {
  const child = spawn(process.execPath, [BIN, 'mailbox', 'serve', '--data-dir', options.dataDir, '--listen', options.listen ?? '127.0.0.1:0', ...(options.args ?? [])], {
    env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  processes.add(child);
  let out = '';
  let err = '';
  child.stdout!.setEncoding('utf8').on('data', (s: string) => void (out += s));
  child.stderr!.setEncoding('utf8').on('data', (s: string) => void (err += s));
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`cst mailbox serve did not start in 20 s: ${out}${err}`)), 20_000);
    const look = () => {
      const m = /In ascolto su (\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        child.stdout!.off('data', look);
        resolve(m[1] as string);
      }
    };
    child.stdout!.on('data', look);
    void exited.then(([code]) => {
      clearTimeout(timer);
      reject(new Error(`cst mailbox serve exited (${code}): ${out}${err}`));
    });
  });
  return {
    url,
    child,
    stdout: () => out,
    logs: () =>
      out
        .split('\n')
        .filter((l) => l.startsWith('{') && l.endsWith('}'))
        .map((l) => JSON.parse(l) as MailboxLogLine),
    stderr: () => err,
    stop: async (signal = 'SIGTERM') => {
      child.kill(signal);
      const [code, sig] = await exited;
      processes.delete(child);
      return { code, signal: sig };
    },
    kill: async () => {
      child.kill('SIGKILL');
      await exited;
      processes.delete(child);
    },
  };
}

export interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  json: Record<string, unknown> | null;
}

/**
 * One HTTP request exactly as given: `path` goes on the wire unnormalised (fetch would resolve
 * `..`), the headers as they are. For what a well-behaved client never sends.
 */
export function rawRequest(url: string, req: { method: string; path: string; headers?: Record<string, string>; body?: Buffer }): Promise<RawAnswer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    // agent: false — a fresh connection each time, never one pooled from a server since restarted.
    const r = httpRequest({ host: hostname, port, method: req.method, path: req.path, headers: req.headers ?? {}, timeout: 10_000, agent: false }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (b: Buffer) => parts.push(b));
      res.on('end', () => {
        const body = Buffer.concat(parts).toString('utf8');
        let json: Record<string, unknown> | null = null;
        try {
          json = JSON.parse(body) as Record<string, unknown>;
        } catch {
          json = null;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, json });
      });
    });
    r.on('timeout', () => r.destroy(new Error('rawRequest: no answer in 10 s')));
    r.on('error', reject);
    r.end(req.body);
  });
}

/**
 * The headers of a request signed like the courier signs it (docs/sync.md "Signed requests"),
 * each part replaceable to craft a wrong one: `created` (Unix seconds), `nonce`, `keyid`, the
 * URI signed, or the digest announced.
 */
export function signedHeaders(
  keys: Pick<InstallationKeys, 'signing' | 'keyId'>,
  req: { method: string; targetUri: string; body?: Buffer; created?: number; nonce?: string; keyid?: string; digest?: string; headers?: Record<string, string> },
): Record<string, string> {
  const headers: Record<string, string> = { ...req.headers, 'content-digest': req.digest ?? contentDigest(req.body ?? Buffer.alloc(0)) };
  const params = {
    created: req.created ?? Math.floor(Date.now() / 1000),
    keyid: req.keyid ?? keys.keyId,
    alg: 'ed25519' as const,
    nonce: req.nonce ?? randomBytes(16).toString('base64url'),
  };
  return { ...headers, ...signRequest({ method: req.method, targetUri: req.targetUri, headers }, ed25519PrivateKey(keys.signing.seed), params) };
}

/** A signed raw request from this installation (`rawRequest` + `signedHeaders`). */
export function signedRaw(
  url: string,
  keys: Pick<InstallationKeys, 'signing' | 'keyId'>,
  req: { method: string; path: string; body?: Buffer; headers?: Record<string, string> } & Partial<Parameters<typeof signedHeaders>[1]>,
): Promise<RawAnswer> {
  const headers = signedHeaders(keys, { ...req, targetUri: req.targetUri ?? `${url}${req.path}` });
  return rawRequest(url, { method: req.method, path: req.path, headers, ...(req.body ? { body: req.body } : {}) });
}

/** Waits until `check` holds, polling every 20 ms, for at most `timeoutMs`; returns whether it held. */
export async function until(check: () => boolean, timeoutMs = 5_000): Promise<boolean> {
  for (let waited = 0; waited <= timeoutMs; waited += 20) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return check();
}

/** Stops every mailbox the test started and waits for it (the after-each cleanup does not wait). */
export async function stopTestMailboxes(): Promise<void> {
  await Promise.all([...servers].map((s) => s.close()));
  servers.clear();
  for (const p of processes) p.kill('SIGKILL');
  processes.clear();
}

afterEachTest(function stopMailboxes() {
  for (const s of servers) void s.close().catch(() => {});
  servers.clear();
  for (const p of processes) p.kill('SIGKILL');
  processes.clear();
});
