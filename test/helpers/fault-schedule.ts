import fc from 'fast-check';

/**
 * The faults test/helpers/fault-proxy.ts injects, one per TCP connection, and the schedules that
 * choose them. The kernel of the test machines has no netem, so a bad rural network is played by
 * a proxy on loopback that cuts, resets, stalls, refuses or answers an HTTP error instead.
 */

/** Which way the bytes go: from the client to the server (an upload, a request) or back. */
export type Direction = 'toServer' | 'toClient';

/**
 * What happens to one connection. A byte-triggered fault (`cut`, `reset`, `stall`) fires when
 * bytes beyond the first `afterBytes` arrive in its direction: exactly `afterBytes` are forwarded,
 * then the fault. A connection whose direction never carries more simply passes, so
 * `{ kind: 'cut', direction: 'toClient', afterBytes: 0 }` is "the request arrived, the answer was
 * lost" whatever the request's size.
 */
export type Fault =
  | { kind: 'pass' }
  /** Both sockets closed with a FIN: the other side sees the connection end early. */
  | { kind: 'cut'; direction: Direction; afterBytes: number }
  /** Both sockets closed with a TCP RST: the other side sees ECONNRESET. */
  | { kind: 'reset'; direction: Direction; afterBytes: number }
  /** That direction held for `ms` (or until either end closes), then it goes on; the other direction flows. */
  | { kind: 'stall'; direction: Direction; afterBytes: number; ms: number }
  /** Accepted, then closed at once, without contacting the target. */
  | { kind: 'refuse' }
  /** A raw `HTTP/1.1 <status>` answer with a small JSON body, then closed, without contacting the target. */
  | { kind: 'http_error'; status: number; headers?: Record<string, string> };

export type FaultKind = Fault['kind'];

/**
 * The fault of each connection: a queue (connection after connection; once it is used up, every
 * connection passes) or a function of the connection's number (0 for the proxy's first).
 */
export type Schedule = readonly Fault[] | ((connection: number) => Fault);

export interface ScheduleOptions {
  /** How many connections the schedule covers (after them, connections pass). */
  connections: number;
  /** The largest byte offset at which a cut, reset or stall fires. */
  maxBytes: number;
  /** The longest stall, in milliseconds (default 200: tests stay short). */
  maxStallMs?: number;
}

/** The errors a server or a reverse proxy in front of it gives when it is in trouble. */
const HTTP_ERRORS: Fault[] = [
  { kind: 'http_error', status: 500 },
  { kind: 'http_error', status: 502 },
  { kind: 'http_error', status: 503, headers: { 'Retry-After': '1' } },
  { kind: 'http_error', status: 504 },
  { kind: 'http_error', status: 429, headers: { 'Retry-After': '1' } },
];

/** One fault, for fast-check: passing is the most frequent, as on a real network. */
export function faultArbitrary(options: Omit<ScheduleOptions, 'connections'>): fc.Arbitrary<Fault> {
  const direction = fc.constantFrom<Direction>('toServer', 'toClient');
  const afterBytes = fc.nat({ max: options.maxBytes });
  const ms = fc.integer({ min: 1, max: options.maxStallMs ?? 200 });
  return fc.oneof(
    { weight: 4, arbitrary: fc.constant<Fault>({ kind: 'pass' }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('cut' as const), direction, afterBytes }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('reset' as const), direction, afterBytes }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('stall' as const), direction, afterBytes, ms }) },
    { weight: 1, arbitrary: fc.constant<Fault>({ kind: 'refuse' }) },
    { weight: 1, arbitrary: fc.constantFrom(...HTTP_ERRORS) },
  );
}

/** A schedule of `connections` faults, for fast-check properties (shrinks towards passing). */
export function scheduleArbitrary(options: ScheduleOptions): fc.Arbitrary<Fault[]> {
  return fc.array(faultArbitrary(options), { minLength: options.connections, maxLength: options.connections });
}

/**
 * The same schedule for the same seed (with the installed fast-check), so a failure seen once
 * can be replayed: the seed is all a test has to print.
 */
export function randomSchedule(seed: number, options: ScheduleOptions): Fault[] {
  const [schedule] = fc.sample(scheduleArbitrary(options), { seed, numRuns: 1 });
  if (!schedule) throw new Error('fast-check gave no sample');
  return schedule;
}
