/**
 * Bench-only: the consortium's mailbox as the real `cst mailbox serve` process (bin/cst.mjs),
 * initialised by the real `cst mailbox init` with a hub's identity file, and what the network
 * benches measure around it: its memory (/proc/<pid>/status) and the bytes a TCP proxy relays.
 * (test/helpers/mailbox.ts and fault-proxy.ts do the same for tests, but register vitest hooks,
 * which a bench run by plain `tsx` cannot.)
 */
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync, writeFileSync } from 'node:fs';
import { connect, createServer, type Socket } from 'node:net';
import { join } from 'node:path';
import type { Backend } from '../../electron/core/app/backend';
import { must } from './bench-util';

const ROOT = join(import.meta.dirname, '..', '..');
export const BIN = join(ROOT, 'bin', 'cst.mjs');
/** The bundle-verification worker `cst` builds beside its own bundle (scripts/fresh-bundle.mjs), as the app ships it. */
export const SHIPPED_WORKER = join(ROOT, 'dist', 'node', 'bundle-verify-worker.cjs');


/** `cst mailbox init --data-dir DIR --hub HUB.cstid --fingerprint …` with the hub's own identity file. */
export async function initMailboxFor(hub: Backend, dataDir: string, work: string): Promise<void> {
  const file = await must<{ contentBase64: string }>(hub, 'identity.export', {});
  const me = await must<{ fingerprint: string }>(hub, 'identity.show', {});
  const hubFile = join(work, 'hub.cstid');
  writeFileSync(hubFile, Buffer.from(file.contentBase64, 'base64'));
  const r = spawnSync(process.execPath, [BIN, 'mailbox', 'init', '--data-dir', dataDir, '--hub', hubFile, '--fingerprint', me.fingerprint], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`cst mailbox init: ${r.stdout}${r.stderr}`);
}

export interface MailboxProcess {
  url: string;
  pid: number;
  /** Request log lines written so far (the server writes one JSON line per request). */
  lines(): number;
  stop(): Promise<void>;
}

/**
 * The Node options the README's systemd unit gives `cst mailbox serve` (`Environment=NODE_OPTIONS=…`):
 * V8's young generation kept at 4 MiB a half instead of growing to 16 MiB under load, which held
 * ~30 MiB of the mailbox's RSS for no gain in speed.
 */
export const MAILBOX_NODE_OPTIONS = '--max-semi-space-size=4';

/**
 * `cst mailbox serve` on 127.0.0.1 and a free port, as the systemd unit runs it
 * (MAILBOX_NODE_OPTIONS); its stdout (the request log) is read and counted, never kept.
 * CST_BENCH_MAILBOX_NODE_ARGS adds Node options to that process only (e.g. `--cpu-prof
 * --cpu-prof-dir=/tmp/prof` to profile the mailbox: NODE_OPTIONS refuses --cpu-prof).
 */
export async function startMailboxProcess(dataDir: string): Promise<MailboxProcess> {
  const nodeArgs = (process.env.CST_BENCH_MAILBOX_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const env = { ...process.env, NODE_OPTIONS: [process.env.NODE_OPTIONS, MAILBOX_NODE_OPTIONS].filter(Boolean).join(' ') };
  const child = spawn(process.execPath, [...nodeArgs, BIN, 'mailbox', 'serve', '--data-dir', dataDir, '--listen', '127.0.0.1:0'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let lines = 0;
  let head = '';
  let err = '';
  child.stderr!.setEncoding('utf8').on('data', (s: string) => void (err += s.slice(0, 4000)));
  const exited = once(child, 'exit');
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`cst mailbox serve did not start in 60 s: ${head}${err}`)), 60_000);
    child.stdout!.setEncoding('utf8').on('data', (s: string) => {
      for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) lines += 1;
      if (head.length < 4000) {
        head += s;
        const m = /In ascolto su (\S+)/.exec(head);
        if (m) {
          clearTimeout(timer);
          resolve(m[1] as string);
        }
      }
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`cst mailbox serve exited: ${head}${err}`));
    });
  });
  return {
    url,
    pid: child.pid!,
    lines: () => lines,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** The process's resident memory now and at its peak, in MiB (Linux: /proc/<pid>/status VmRSS, VmHWM). */
export function memoryOf(pid: number): { rssMiB: number; hwmMiB: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMiB: kb('VmRSS') / 1024, hwmMiB: kb('VmHWM') / 1024 };
}

/** CPU seconds the process used so far, user + system (Linux: /proc/<pid>/stat). */
export function cpuSecondsOf(pid: number): number {
  const { user, system } = cpuTimesOf(pid);
  return user + system;
}

/** CPU seconds the process used so far in its own code (user) and in the kernel for it (system). */
export function cpuTimesOf(pid: number): { user: number; system: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 14 and 15 of stat(5) (utime, stime), counted from the state (field 3) here.
  return { user: Number(fields[11]) / 100, system: Number(fields[12]) / 100 };
}

export interface CountingProxy {
  url: string;
  /** Bytes relayed client → server and server → client since the start. */
  bytes: { toServer: number; toClient: number };
  /** Destroys every connection once this many bytes went that way in total (once; null: never). */
  cutAfter(direction: 'toServer' | 'toClient', total: number | null): void;
  close(): Promise<void>;
}

/**
 * A TCP relay on 127.0.0.1 that counts the bytes each way and can cut the line after an exact
 * number of them (what a dropped connection does to a transfer). Pieces are split at the cut,
 * so not one byte beyond it is relayed.
 */
export async function startCountingProxy(target: { host: string; port: number }): Promise<CountingProxy> {
  const bytes = { toServer: 0, toClient: 0 };
  const cut: { toServer: number | null; toClient: number | null } = { toServer: null, toClient: null };
  const sockets = new Set<Socket>();
  const relay = (from: Socket, to: Socket, direction: 'toServer' | 'toClient') => {
    from.on('data', (piece: Buffer) => {
      const limit = cut[direction];
      if (limit !== null && bytes[direction] + piece.length >= limit) {
        const keep = Math.max(0, limit - bytes[direction]);
        bytes[direction] += keep;
        cut[direction] = null;
        to.write(piece.subarray(0, keep), () => {
          for (const s of sockets) s.destroy();
        });
        return;
      }
      bytes[direction] += piece.length;
      to.write(piece);
    });
  };
  const server = createServer((client) => {
    const upstream = connect(target.port, target.host);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => {});
    }
    relay(client, upstream, 'toServer');
    relay(upstream, client, 'toClient');
    client.on('end', () => upstream.end());
    upstream.on('end', () => client.end());
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    bytes,
    cutAfter: (direction, total) => void (cut[direction] = total),
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
