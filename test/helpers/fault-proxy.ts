import { STATUS_CODES } from 'node:http';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { afterEachTest } from './after-each-test';
import type { Direction, Fault, FaultKind, Schedule } from './fault-schedule';

export { faultArbitrary, randomSchedule, scheduleArbitrary } from './fault-schedule';
export type { Direction, Fault, FaultKind, Schedule, ScheduleOptions } from './fault-schedule';

/**
 * A TCP proxy on 127.0.0.1 that plays a bad network between the sync agents and a real mailbox
 * (the test machines' kernel has no netem): each accepted connection gets a fault from the
 * schedule (fault-schedule.ts) and is otherwise relayed byte for byte to the target; half-closes
 * are relayed too. Whole outages are `setMode('down')` (the connections in progress end and
 * nothing listens on the port: connection refused) and `setMode('up')` (the same port again).
 * A target that is not there (a server killed) is a reset for the client. Every proxy is closed
 * after each test.
 */

export interface FaultRecord {
  connection: number;
  fault: Fault;
}

export interface ProxyStats {
  /** Connections accepted since the start. */
  connections: number;
  /** Connections whose sockets are not closed yet. */
  open: number;
  /** Bytes forwarded each way, over all connections. */
  bytes: Record<Direction, number>;
  /** The faults that fired, in order (a cut past the end of a transfer never fires). */
  faults: FaultRecord[];
}

export interface FaultProxy {
  port: number;
  /** `http://127.0.0.1:<port>`: the mailbox address to give the agents. */
  url: string;
  setMode(mode: 'up' | 'down'): Promise<void>;
  /** Faults for the connections from now on (a queue is consumed from its start). */
  setSchedule(schedule: Schedule): void;
  /** Where the connections from now on go (a server restarted on another port). */
  setTarget(target: { host: string; port: number }): void;
  /** A snapshot of the counters. */
  readonly stats: ProxyStats;
  /**
   * Called after every forwarded piece with the bytes forwarded that way so far (all
   * connections). For an action at an exact offset, a `stall` or `cut` at that offset plus
   * `onFault` is exact; this is as fine as the chunks the sockets read.
   */
  onBytes(listener: (direction: Direction, total: number, connection: number) => void): void;
  /** Called when a fault fires: for a stall, while the bytes after `afterBytes` are held. */
  onFault(listener: (record: FaultRecord) => void): void;
  /** Every socket destroyed, every timer cleared; resolves once they are all closed. */
  close(): Promise<void>;
}

/** How long a cut or answered connection waits for its peer to close before it is destroyed. */
const LINGER_MS = 2_000;

/**
 * How long a reset waits after the N bytes before the RST. TCP throws away what the receiver
 * has not read yet when a RST comes, and libuv reports the last bytes and a RST read in one wake-up
 * as a clean end: without this pause the receiver would often see neither the N bytes nor
 * ECONNRESET. On a real line they do not arrive in the same instant either.
 */
const RESET_AFTER_MS = 25;

const open = new Set<{ shutdown(): void }>();

afterEachTest(function closeFaultProxies() {
  // Synchronous, as the registry's cleanups are: the sockets are destroyed and the listener
  // closed now; their handles are gone a few ticks later, before the next test's work.
  for (const proxy of [...open]) proxy.shutdown();
});

export async function startFaultProxy(options: { target: { host: string; port: number }; schedule?: Schedule }): Promise<FaultProxy> {
  let target = options.target;
  let queue: Fault[] = [];
  let pick: ((connection: number) => Fault) | null = null;
  const setSchedule = (schedule: Schedule) => {
    if (typeof schedule === 'function') [pick, queue] = [schedule as (c: number) => Fault, []];
    else [pick, queue] = [null, [...schedule]];
  };
  setSchedule(options.schedule ?? []);

  const totals: Record<Direction, number> = { toServer: 0, toClient: 0 };
  const faults: FaultRecord[] = [];
  let connections = 0;
  const byteListeners: Array<(d: Direction, total: number, connection: number) => void> = [];
  const faultListeners: Array<(record: FaultRecord) => void> = [];
  const sockets = new Set<Socket>(); // both ends of every connection
  const clients = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();

  const later = (ms: number, fn: () => void) => {
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    timers.add(t);
    return t;
  };
  const cancel = (t: NodeJS.Timeout) => {
    clearTimeout(t);
    timers.delete(t);
  };
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  };
  const fired = (connection: number, fault: Fault) => {
    const record = { connection, fault };
    faults.push(record);
    for (const l of faultListeners) l(record);
  };
  const counted = (direction: Direction, n: number, connection: number) => {
    totals[direction] += n;
    for (const l of byteListeners) l(direction, totals[direction], connection);
  };

  /** The relay of one connection, both ways, with its fault. */
  function relay(client: Socket, connection: number, fault: Fault) {
    const server = connect({ host: target.host, port: target.port, allowHalfOpen: true });
    track(server);
    let done = false; // after a cut or reset nothing more is forwarded
    const linkTimers = new Set<NodeJS.Timeout>();
    const finish = () => {
      if (client.destroyed && server.destroyed) for (const t of linkTimers) cancel(t);
    };
    client.on('close', finish);
    server.on('close', finish);
    // An error on one side is passed on as abruptly as it came (a reset stays a reset).
    const passOn = (to: Socket) => (err: NodeJS.ErrnoException) => {
      done = true;
      if (to.destroyed) return;
      if (err.code === 'ECONNRESET' || err.code === 'ECONNREFUSED') to.resetAndDestroy();
      else to.destroy();
    };
    client.on('error', passOn(server));
    server.on('error', passOn(client));

    const cut = () => {
      done = true;
      for (const s of [client, server]) {
        s.end();
        s.resume(); // read and drop what still comes, so the close is a FIN, not a reset
      }
      linkTimers.add(
        later(LINGER_MS, () => {
          client.destroy();
          server.destroy();
        }),
      );
    };
    const reset = () => {
      done = true;
      for (const s of [client, server]) if (!s.destroyed) s.resetAndDestroy();
    };

    function pump(from: Socket, to: Socket, direction: Direction) {
      const faulty = (fault.kind === 'cut' || fault.kind === 'reset' || fault.kind === 'stall') && fault.direction === direction;
      let room = faulty ? fault.afterBytes : Infinity; // bytes still forwarded before the fault
      let held: Buffer | null = null; // what a stall keeps back
      let stall: NodeJS.Timeout | undefined;
      let ended = false;
      const forward = (chunk: Buffer, then?: () => void) => {
        if (chunk.length === 0) return then?.();
        const more = to.write(chunk, then && (() => then()));
        counted(direction, chunk.length, connection);
        if (!more && held === null) from.pause();
      };
      const release = () => {
        if (held === null) return;
        const rest = held;
        held = null;
        if (stall) cancel(stall);
        if (done || to.destroyed) return;
        forward(rest);
        if (ended) to.end();
        else if (to.writableNeedDrain === false) from.resume();
      };
      to.on('drain', () => {
        if (held === null && !done) from.resume();
      });
      // The receiving end closing its side ends a stall early: an HTTP client that hangs up
      // waits for nothing more, and a half-closing one gets the held bytes at once.
      to.on('end', release);
      from.on('end', () => {
        ended = true;
        if (held === null && !done) to.end();
      });
      from.on('data', (chunk: Buffer) => {
        if (done) return;
        if (held !== null) return void (held = Buffer.concat([held, chunk]));
        if (chunk.length <= room) {
          room -= chunk.length;
          return forward(chunk);
        }
        const [head, rest] = [chunk.subarray(0, room), chunk.subarray(room)];
        room = Infinity; // a fault fires once
        if (fault.kind === 'cut') {
          forward(head);
          cut();
        } else if (fault.kind === 'reset') {
          done = true;
          forward(head, () => linkTimers.add(later(RESET_AFTER_MS, reset)));
        } else if (fault.kind === 'stall') {
          forward(head);
          held = rest;
          from.pause();
          stall = later(fault.ms, release);
          linkTimers.add(stall);
        }
        fired(connection, fault);
      });
    }
    pump(client, server, 'toServer');
    pump(server, client, 'toClient');
  }

  /** A raw HTTP error answer once the request starts, as a reverse proxy in trouble gives. */
  function answer(client: Socket, connection: number, fault: Extract<Fault, { kind: 'http_error' }>) {
    const body = JSON.stringify({ error: 'injected_fault', message: `fault-proxy: injected ${fault.status}` });
    const headers = { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(body)), Connection: 'close', ...fault.headers };
    const head = [`HTTP/1.1 ${fault.status} ${STATUS_CODES[fault.status] ?? 'Error'}`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
    client.once('data', () => {
      fired(connection, fault);
      client.end(`${head.join('\r\n')}\r\n\r\n${body}`);
      const t = later(LINGER_MS, () => client.destroy());
      client.on('close', () => cancel(t));
    });
    client.resume(); // the request is read and dropped
  }

  function onConnection(client: Socket) {
    track(client);
    clients.add(client);
    client.on('close', () => clients.delete(client));
    client.on('error', () => {}); // a client gone wrong is part of the game, not a test failure
    const connection = connections++;
    const fault = pick ? pick(connection) : (queue.shift() ?? { kind: 'pass' });
    if (fault.kind === 'refuse') {
      fired(connection, fault);
      client.destroy();
    } else if (fault.kind === 'http_error') {
      answer(client, connection, fault);
    } else {
      relay(client, connection, fault);
    }
  }

  const server: Server = createServer({ allowHalfOpen: true }, onConnection);
  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  await listen(0);
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the fault proxy has no TCP port');
  const port = address.port;
  let up = true;

  /** Everything destroyed now; `closed` resolves once the listener and every socket are closed. */
  const closeAll = () => {
    const closed = Promise.all([
      up ? new Promise<void>((resolve) => server.close(() => resolve())) : Promise.resolve(),
      ...[...sockets].map((s) => new Promise<void>((resolve) => s.once('close', () => resolve()))),
    ]).then(() => undefined);
    up = false;
    for (const s of sockets) s.destroy();
    for (const t of timers) clearTimeout(t);
    timers.clear();
    return closed;
  };

  const proxy: FaultProxy & { shutdown(): void } = {
    port,
    url: `http://127.0.0.1:${port}`,
    async setMode(mode) {
      if (mode === 'down' && up) await closeAll();
      if (mode === 'up' && !up) {
        await listen(port);
        up = true;
      }
    },
    setSchedule,
    setTarget(next) {
      target = next;
    },
    get stats() {
      return { connections, open: clients.size, bytes: { ...totals }, faults: [...faults] };
    },
    onBytes: (listener) => void byteListeners.push(listener),
    onFault: (listener) => void faultListeners.push(listener),
    async close() {
      open.delete(proxy);
      await closeAll();
    },
    shutdown() {
      open.delete(proxy);
      void closeAll();
    },
  };
  open.add(proxy);
  return proxy;
}
