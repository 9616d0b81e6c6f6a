import { randomBytes } from 'node:crypto';
import { createServer as createHttpServer, request, type IncomingMessage } from 'node:http';
import { connect, createServer, type Server, type Socket } from 'node:net';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { faultArbitrary, randomSchedule, startFaultProxy, type Direction, type Fault, type FaultProxy } from '../helpers/fault-proxy';
import { startProcess } from '../helpers/processes';

/** The targets of one test: plain TCP servers and a real HTTP server, all on 127.0.0.1:0. */
const targets: Array<{ server: Server; sockets: Set<Socket> }> = [];

afterEach(async () => {
  await Promise.all(
    targets.splice(0).map(({ server, sockets }) => {
      for (const s of sockets) s.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    }),
  );
});

async function listen(server: Server): Promise<{ host: string; port: number }> {
  const sockets = new Set<Socket>();
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  targets.push({ server, sockets });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return { host: '127.0.0.1', port: address.port };
}

interface Received {
  data: Buffer;
  /** The socket error's code, if it ended with one (ECONNRESET for a reset). */
  error?: string;
}

/** Reads a socket to its close. Never waits more than 5 s, so a hang fails clearly. */
function readAll(socket: Socket): Promise<Received> {
  const chunks: Buffer[] = [];
  let error: string | undefined;
  socket.setTimeout(5_000, () => socket.destroy(new Error('test client: no close within 5 s')));
  socket.on('data', (c: Buffer) => chunks.push(c));
  socket.on('error', (e: NodeJS.ErrnoException) => (error ??= e.code ?? e.message));
  return new Promise((resolve) => socket.on('close', () => resolve({ data: Buffer.concat(chunks), ...(error ? { error } : {}) })));
}

/** A client that sends `payload`, half-closes, and reads the answer to the end. */
function exchange(port: number, payload: Buffer): Promise<Received> {
  const socket = connect({ host: '127.0.0.1', port });
  socket.end(payload);
  return readAll(socket);
}

/** A server that keeps what each connection sends (to its end or error) and then answers `ok`. */
async function sink() {
  const received: Array<Promise<Received>> = [];
  const target = await listen(
    createServer((socket) => {
      received.push(readAll(socket));
      socket.on('end', () => socket.end('ok'));
    }),
  );
  return { target, received };
}

/** A server that sends `payload` to each connection and closes its side. */
async function source(payload: Buffer) {
  return listen(createServer((socket) => (socket.on('error', () => {}), socket.end(payload))));
}

async function echo() {
  return listen(createServer((socket) => (socket.on('error', () => {}), socket.pipe(socket))));
}

const PAYLOAD = randomBytes(200_000);

describe('the fault proxy on plain TCP', () => {
  it('passes bytes through both ways, unchanged, and counts them', async () => {
    const proxy = await startFaultProxy({ target: await echo() });
    const got = await exchange(proxy.port, PAYLOAD);
    expect(got.error).toBeUndefined();
    expect(got.data.equals(PAYLOAD)).toBe(true);
    expect(proxy.stats).toMatchObject({ connections: 1, bytes: { toServer: PAYLOAD.length, toClient: PAYLOAD.length }, faults: [] });
  });

  it('a cut forwards exactly the first N bytes of its direction, then ends both sides with a FIN', async () => {
    const { target, received } = await sink();
    const from = await source(PAYLOAD);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom<Direction>('toServer', 'toClient'), fc.nat({ max: PAYLOAD.length + 10 }), async (direction, afterBytes) => {
        const fault: Fault = { kind: 'cut', direction, afterBytes };
        const proxy = await startFaultProxy({ target: direction === 'toServer' ? target : from, schedule: [fault] });
        const expected = PAYLOAD.subarray(0, Math.min(afterBytes, PAYLOAD.length));
        const cut = afterBytes < PAYLOAD.length;
        if (direction === 'toServer') {
          const client = await exchange(proxy.port, PAYLOAD);
          const server = await received.at(-1)!;
          expect(server.data.equals(expected)).toBe(true);
          expect(server.error).toBeUndefined();
          expect(client.data.toString()).toBe(cut ? '' : 'ok');
        } else {
          const client = await readAll(connect({ host: '127.0.0.1', port: proxy.port }));
          expect(client.data.equals(expected)).toBe(true);
          expect(client.error).toBeUndefined();
        }
        expect(proxy.stats.faults).toEqual(cut ? [{ connection: 0, fault }] : []);
        await proxy.close();
      }),
      { numRuns: 16, examples: [['toServer', 0], ['toClient', 0], ['toServer', PAYLOAD.length], ['toClient', PAYLOAD.length - 1]] },
    );
  });

  it('a reset forwards exactly N bytes, then the client sees ECONNRESET', async () => {
    const proxy = await startFaultProxy({ target: await source(PAYLOAD), schedule: [{ kind: 'reset', direction: 'toClient', afterBytes: 70_000 }] });
    const client = await readAll(connect({ host: '127.0.0.1', port: proxy.port }));
    expect(client.error).toBe('ECONNRESET');
    expect(client.data.equals(PAYLOAD.subarray(0, 70_000))).toBe(true);
  });

  it('a reset on the way to the server: the server has exactly N bytes, and both sides see ECONNRESET', async () => {
    const { target, received } = await sink();
    const proxy = await startFaultProxy({ target, schedule: [{ kind: 'reset', direction: 'toServer', afterBytes: 12_345 }] });
    const client = await exchange(proxy.port, PAYLOAD);
    expect(client.error).toBe('ECONNRESET');
    const server = await received[0]!;
    expect(server.error).toBe('ECONNRESET');
    expect(server.data.equals(PAYLOAD.subarray(0, 12_345))).toBe(true);
  });

  it('a stall holds its direction after N bytes, then the rest comes, complete', async () => {
    const { target, received } = await sink();
    const proxy = await startFaultProxy({ target, schedule: [{ kind: 'stall', direction: 'toServer', afterBytes: 50_000, ms: 150 }] });
    const client = await exchange(proxy.port, PAYLOAD);
    expect(client).toEqual({ data: Buffer.from('ok') });
    expect((await received[0]!).data.equals(PAYLOAD)).toBe(true);
    expect(proxy.stats.faults.map((f) => f.fault.kind)).toEqual(['stall']);
  });

  it('a long stall holds the bytes until the receiving end closes its side, then delivers them', async () => {
    const proxy = await startFaultProxy({ target: await source(PAYLOAD), schedule: [{ kind: 'stall', direction: 'toClient', afterBytes: 30_000, ms: 60_000 }] });
    const socket = connect({ host: '127.0.0.1', port: proxy.port, allowHalfOpen: true });
    let count = 0;
    const gotN = new Promise<void>((resolve) => socket.on('data', (c: Buffer) => (count += c.length) >= 30_000 && resolve()));
    const all = readAll(socket);
    await gotN;
    await new Promise((r) => setTimeout(r, 100));
    expect(count).toBe(30_000); // held: nothing past N in 100 ms of a 60 s stall
    socket.end(); // the client closes its side: the stall ends
    const got = await all;
    expect(got.error).toBeUndefined();
    expect(got.data.equals(PAYLOAD)).toBe(true);
  });

  it('refuse closes at once without contacting the target; connections after the queue pass', async () => {
    const { target, received } = await sink();
    const proxy = await startFaultProxy({ target, schedule: [{ kind: 'refuse' }] });
    const refused = await readAll(connect({ host: '127.0.0.1', port: proxy.port }));
    expect(refused.data.length).toBe(0);
    expect(received).toHaveLength(0);
    expect((await exchange(proxy.port, Buffer.from('hello'))).data.toString()).toBe('ok');
    expect((await received[0]!).data.toString()).toBe('hello');
  });

  it('down refuses connections (ECONNREFUSED) and up listens again on the same port', async () => {
    const proxy = await startFaultProxy({ target: await echo() });
    await proxy.setMode('down');
    expect((await exchange(proxy.port, Buffer.from('x'))).error).toBe('ECONNREFUSED');
    await proxy.setMode('up');
    expect(await exchange(proxy.port, Buffer.from('back'))).toEqual({ data: Buffer.from('back') });
  });

  it('going down ends the connections in progress', async () => {
    const proxy = await startFaultProxy({ target: await source(PAYLOAD), schedule: [{ kind: 'stall', direction: 'toClient', afterBytes: 10, ms: 60_000 }] });
    const socket = connect({ host: '127.0.0.1', port: proxy.port });
    const all = readAll(socket);
    await new Promise<void>((resolve) => proxy.onFault(() => resolve()));
    await proxy.setMode('down');
    expect((await all).data.length).toBeLessThanOrEqual(10);
    expect(proxy.stats.open).toBe(0);
  });

  it('the same seed gives the same random schedule, applied connection after connection', async () => {
    const options = { connections: 12, maxBytes: 3_000, maxStallMs: 30 };
    const schedule = randomSchedule(42, options);
    expect(randomSchedule(42, options)).toEqual(schedule);
    expect(randomSchedule(43, options)).not.toEqual(schedule);
    expect(schedule).toHaveLength(12);
    expect(new Set(schedule.map((f) => f.kind)).size).toBeGreaterThan(2);

    const payload = PAYLOAD.subarray(0, 2_000);
    const proxy = await startFaultProxy({ target: await echo(), schedule });
    for (let i = 0; i < schedule.length; i++) await exchange(proxy.port, payload);
    // What must fire with 2,000 bytes each way: errors and refusals always, byte faults below 2,000.
    const fires = (f: Fault) => !('afterBytes' in f) ? f.kind !== 'pass' : f.afterBytes < payload.length;
    const expected = schedule.flatMap((fault, connection) => (fires(fault) ? [{ connection, fault }] : []));
    expect(proxy.stats.faults).toEqual(expected);
    expect(proxy.stats.connections).toBe(12);
  });

  it('whatever the fault, each side gets a prefix of what the other sent, and the connection ends', async () => {
    const { target, received } = await sink();
    const payload = PAYLOAD.subarray(0, 20_000);
    await fc.assert(
      fc.asyncProperty(faultArbitrary({ maxBytes: 25_000, maxStallMs: 20 }), async (fault) => {
        const before = received.length;
        const proxy = await startFaultProxy({ target, schedule: [fault] });
        const client = await exchange(proxy.port, payload);
        if (fault.kind === 'http_error') expect(client.data.toString()).toMatch(new RegExp(`^HTTP/1.1 ${fault.status} `));
        else expect('ok'.startsWith(client.data.toString())).toBe(true);
        if (received.length > before) {
          const server = await received.at(-1)!;
          expect(payload.subarray(0, server.data.length).equals(server.data)).toBe(true);
          if (client.data.toString() === 'ok') expect(server.data.length).toBe(payload.length);
        }
        await proxy.close();
      }),
      { numRuns: 25 },
    );
  });
});

/** A plain HTTP exchange that reports the socket's error code instead of throwing. */
function httpGet(url: string): Promise<{ status?: number; body?: string; error?: string }> {
  return new Promise((resolve) => {
    const req = request(url, (res: IncomingMessage) => {
      let body = '';
      res.setEncoding('utf8').on('data', (t: string) => (body += t));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
      res.on('error', (e: NodeJS.ErrnoException) => resolve({ error: e.code ?? e.message }));
    });
    req.on('error', (e: NodeJS.ErrnoException) => resolve({ error: e.code ?? e.message }));
    req.end();
  });
}

describe('the fault proxy before a real HTTP server', () => {
  async function httpTarget() {
    const requests: Array<{ method: string; bytes: number; complete: boolean }> = [];
    const target = await listen(
      createHttpServer((req, res) => {
        const seen = { method: req.method!, bytes: 0, complete: false };
        requests.push(seen);
        req.on('data', (c: Buffer) => (seen.bytes += c.length));
        req.on('end', () => {
          seen.complete = true;
          res.end(`hello ${seen.bytes}`);
        });
      }),
    );
    return { target, requests };
  }

  it('fetch works through a passing proxy', async () => {
    const { target } = await httpTarget();
    const proxy = await startFaultProxy({ target });
    const res = await fetch(`${proxy.url}/x`, { method: 'PUT', body: PAYLOAD });
    expect(await res.text()).toBe(`hello ${PAYLOAD.length}`);
  });

  it('http_error answers fetch with that status and a JSON body, and the server never sees the request', async () => {
    const { target, requests } = await httpTarget();
    const proxy = await startFaultProxy({ target, schedule: [{ kind: 'http_error', status: 503, headers: { 'Retry-After': '7' } }] });
    const res = await fetch(`${proxy.url}/x`);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('7');
    expect(await res.json()).toMatchObject({ error: 'injected_fault' });
    expect(requests).toHaveLength(0);
    expect((await fetch(`${proxy.url}/x`)).status).toBe(200);
  });

  it('a cut of the answer after 0 bytes: the request was served, the client gets an error', async () => {
    const { target, requests } = await httpTarget();
    const proxy = await startFaultProxy({ target, schedule: [{ kind: 'cut', direction: 'toClient', afterBytes: 0 }] });
    await expect(fetch(`${proxy.url}/x`, { method: 'PUT', body: PAYLOAD })).rejects.toThrow();
    expect(requests).toEqual([{ method: 'PUT', bytes: PAYLOAD.length, complete: true }]);
  });

  it('a cut of an upload: the server has exactly N bytes of the request, the client an error', async () => {
    const { target, requests } = await httpTarget();
    const proxy = await startFaultProxy({ target, schedule: [{ kind: 'cut', direction: 'toServer', afterBytes: 100_000 }] });
    await expect(fetch(`${proxy.url}/x`, { method: 'PUT', body: PAYLOAD })).rejects.toThrow();
    expect(requests).toHaveLength(1);
    expect(requests[0]!.complete).toBe(false);
    expect(proxy.stats.bytes.toServer).toBe(100_000);
  });

  it('a reset in the answer is ECONNRESET for the HTTP client', async () => {
    const { target } = await httpTarget();
    const proxy = await startFaultProxy({ target, schedule: [{ kind: 'reset', direction: 'toClient', afterBytes: 5 }] });
    expect(await httpGet(`${proxy.url}/x`)).toEqual({ error: 'ECONNRESET' });
  });

  it('onBytes reports the running total each way', async () => {
    const { target } = await httpTarget();
    const proxy = await startFaultProxy({ target });
    const seen: Record<Direction, number[]> = { toServer: [], toClient: [] };
    proxy.onBytes((direction, total) => seen[direction].push(total));
    await (await fetch(`${proxy.url}/x`, { method: 'PUT', body: PAYLOAD })).text();
    expect(seen.toServer.at(-1)).toBe(proxy.stats.bytes.toServer);
    expect(seen.toServer.at(-1)).toBeGreaterThan(PAYLOAD.length);
    expect([...seen.toServer].sort((a, b) => a - b)).toEqual(seen.toServer);
    expect(seen.toClient.at(-1)).toBe(proxy.stats.bytes.toClient);
  });
});

/** An HTTP server in a child process that says its port, as `cst mailbox serve` will. */
const CHILD_SERVER = `
const server = require('node:http').createServer((req, res) => {
  let n = 0;
  req.on('data', (c) => (n += c.length));
  req.on('end', () => res.end('stored ' + n));
});
server.listen(Number(process.argv[1]), '127.0.0.1', () => console.log('listening on ' + server.address().port));
`;

function upload(url: string, body: Buffer): Promise<{ status?: number; body?: string; error?: string }> {
  return new Promise((resolve) => {
    const req = request(url, { method: 'PUT' }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (t: string) => (text += t));
      res.on('end', () => resolve({ status: res.statusCode!, body: text }));
    });
    req.on('error', (e: NodeJS.ErrnoException) => resolve({ error: e.code ?? e.message }));
    req.end(body);
  });
}

describe('the fault proxy with a server process killed in mid-upload', () => {
  it('kill -9 of the server at an exact byte offset fails the upload; the server restarted on its port takes the next', async () => {
    const big = randomBytes(2 << 20);
    let server = startProcess(process.execPath, ['-e', CHILD_SERVER, '0']);
    const port = Number((await server.waitForLine(/^listening on (\d+)$/))[1]);
    // The exact offset: the upload is held there (a long stall) while the server is killed.
    const stall: Fault = { kind: 'stall', direction: 'toServer', afterBytes: 512 << 10, ms: 60_000 };
    const proxy: FaultProxy = await startFaultProxy({ target: { host: '127.0.0.1', port }, schedule: [stall] });
    let killed: Promise<unknown> | null = null;
    proxy.onFault(() => (killed = server.kill()));
    const failed = await upload(`${proxy.url}/b`, big);
    expect(failed.error).toBeDefined();
    expect(await killed).toEqual({ code: null, signal: 'SIGKILL' });
    expect(proxy.stats.faults).toEqual([{ connection: 0, fault: stall }]);

    server = startProcess(process.execPath, ['-e', CHILD_SERVER, String(port)]);
    await server.waitForLine(/^listening on /);
    expect(await upload(`${proxy.url}/b`, big)).toEqual({ status: 200, body: `stored ${big.length}` });
  });
});

describe('nothing is left running', () => {
  it('close() ends stalled and lingering connections and leaves no handle open', async () => {
    const count = () => {
      const info = process.getActiveResourcesInfo();
      return { servers: info.filter((r) => r === 'TCPServerWrap').length, sockets: info.filter((r) => r === 'TCPSocketWrap').length, timers: info.filter((r) => r === 'Timeout').length };
    };
    const before = count();
    const from = await source(PAYLOAD);
    const proxy = await startFaultProxy({ target: from, schedule: [{ kind: 'stall', direction: 'toClient', afterBytes: 10, ms: 60_000 }, { kind: 'cut', direction: 'toClient', afterBytes: 10 }, { kind: 'http_error', status: 500 }] });
    const clients = [0, 1, 2].map(() => connect({ host: '127.0.0.1', port: proxy.port }));
    const ends = clients.map(readAll);
    clients[2]!.write('GET / HTTP/1.1\r\n\r\n');
    for (let i = 0; proxy.stats.faults.length < 3; i++) {
      if (i > 500) throw new Error(`faults fired: ${JSON.stringify(proxy.stats.faults)}`);
      await new Promise((r) => setTimeout(r, 5));
    }
    await proxy.close();
    await Promise.all(ends);
    await new Promise<void>((resolve) => targets.pop()!.server.close(() => resolve()));
    // Fewer than before is fine: handles of earlier tests may still have been closing then.
    const settled = () => Object.entries(count()).every(([k, n]) => n <= before[k as keyof typeof before]);
    for (let i = 0; !settled(); i++) {
      if (i > 100) expect(count()).toEqual(before);
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(proxy.stats.open).toBe(0);
  });

  let leftPort = 0;
  it('a proxy a test leaves open… (1/2)', async () => {
    leftPort = (await startFaultProxy({ target: await echo() })).port;
  });
  it('…is closed after it (2/2)', async () => {
    expect((await exchange(leftPort, Buffer.from('x'))).error).toBe('ECONNREFUSED');
  });
});
