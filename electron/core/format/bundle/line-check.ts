/**
 * Steps 9 (lines) and 10 (chain) of docs/bundle-format.md "Reading a bundle", computed in the same
 * streaming pass as step 8's digest. Findings are recorded, not thrown: the reader reports
 * them only if every earlier step passed.
 */
import { IJsonError } from '../container/ijson';
import { parseEventLine } from './line-json';
import { ChainHasher } from './chain-hash';
import { isTimestamp, type Manifest } from './manifest';

export interface Finding {
  code: 'E_LIMIT' | 'E_FORMAT' | 'E_CHAIN';
  detail: string;
  /** 1-based line number, when the finding is about one line. */
  line?: number;
}

const ENVELOPE_PUT = ['seq', 'at', 'kind', 'op', 'id', 'data'];
const ENVELOPE_DELETE = ['seq', 'at', 'kind', 'op', 'id'];

/** The envelope of one event line, as the reader has checked it. */
export interface EventEnvelope {
  seq: number;
  at: string;
  kind: string;
  op: 'put' | 'delete';
  id: string;
  data?: Record<string, unknown>;
}

/** Checks an already parsed line value against the envelope rules; returns the problem, if any. */
export function envelopeProblem(v: unknown): string | null {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return 'not a JSON object';
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o);
  const op = o.op;
  if (op !== 'put' && op !== 'delete') return 'op is neither "put" nor "delete"';
  const expected = op === 'put' ? ENVELOPE_PUT : ENVELOPE_DELETE;
  if (keys.length !== expected.length || !expected.every((k) => Object.hasOwn(o, k))) {
    return `members must be exactly ${expected.join(', ')} (found ${keys.join(', ')})`;
  }
  if (typeof o.seq !== 'number' || !Number.isSafeInteger(o.seq) || o.seq < 1) return 'seq is not an integer ≥ 1';
  if (!isTimestamp(o.at)) return 'at is not an RFC 3339 UTC timestamp with milliseconds';
  if (typeof o.kind !== 'string' || o.kind.length === 0) return 'kind is not a non-empty string';
  if (typeof o.id !== 'string' || o.id.length === 0) return 'id is not a non-empty string';
  if (op === 'put' && (typeof o.data !== 'object' || o.data === null || Array.isArray(o.data))) return 'data is not a JSON object';
  return null;
}

export class LineChecker {
  lines = 0;
  lineFinding: Finding | null = null;
  chainFinding: Finding | null = null;
  readonly kinds = new Map<string, number>();
  private readonly hasher: ChainHasher;

  constructor(
    private readonly manifest: Manifest,
    private readonly lineLimit: number,
    /**
     * Receives every line that passed its checks, in order, with the chain at h(seq) and the
     * envelope as read (for the writer thread; both valid only during the call).
     */
    private readonly onVerified?: (line: Buffer, chain: ChainHasher, ev: EventEnvelope) => void,
  ) {
    this.hasher = new ChainHasher(Buffer.from(manifest.events.prev_hash, 'hex'));
  }

  onLine(line: Buffer, overLimit: boolean, length: number): void {
    if (this.lineFinding) return;
    const n = this.lines;
    this.lines += 1;
    const lineNo = n + 1;
    if (overLimit) {
      this.lineFinding = { code: 'E_LIMIT', detail: `line ${lineNo}: ${length} bytes > ${this.lineLimit}`, line: lineNo };
      return;
    }
    if (n >= this.manifest.events.count) {
      this.lineFinding = { code: 'E_FORMAT', detail: `more lines than events.count (${this.manifest.events.count})`, line: lineNo };
      return;
    }
    if (line.length === 0 || line[0] !== 0x7b || line[line.length - 1] !== 0x7d) {
      this.lineFinding = { code: 'E_FORMAT', detail: `line ${lineNo}: does not begin with { and end with } (CR LF line ending?)`, line: lineNo };
      return;
    }
    let value: unknown;
    try {
      value = parseEventLine(line, `line ${lineNo}`);
    } catch (err) {
      if (!(err instanceof IJsonError)) throw err;
      this.lineFinding = { code: 'E_FORMAT', detail: err.message, line: lineNo };
      return;
    }
    const problem = envelopeProblem(value);
    if (problem) {
      this.lineFinding = { code: 'E_FORMAT', detail: `line ${lineNo}: ${problem}`, line: lineNo };
      return;
    }
    const ev = value as EventEnvelope;
    const expected = this.manifest.events.first_seq + n;
    if (!this.chainFinding && ev.seq !== expected) {
      this.chainFinding = { code: 'E_CHAIN', detail: `line ${lineNo}: seq ${ev.seq}, expected ${expected}`, line: lineNo };
    }
    this.hasher.push(line);
    this.onVerified?.(line, this.hasher, ev);
    this.kinds.set(ev.kind, (this.kinds.get(ev.kind) ?? 0) + 1);
  }

  end(trailing: { trailing: number; overLimit: boolean }): void {
    const m = this.manifest.events;
    if (!this.lineFinding && trailing.trailing > 0) {
      const lineNo = this.lines + 1;
      this.lineFinding = trailing.overLimit
        ? { code: 'E_LIMIT', detail: `line ${lineNo}: more than ${this.lineLimit} bytes`, line: lineNo }
        : { code: 'E_FORMAT', detail: `line ${lineNo}: no final \\n`, line: lineNo };
    }
    if (!this.lineFinding && this.lines !== m.count) {
      this.lineFinding = { code: 'E_FORMAT', detail: `${this.lines} lines, events.count says ${m.count}` };
    }
    if (this.chainFinding) return;
    if (m.first_seq === 1 && m.prev_hash !== ZERO_HEX) {
      this.chainFinding = { code: 'E_CHAIN', detail: 'first_seq is 1 but prev_hash is not h(0)' };
    } else if (m.first_seq + m.count - 1 !== m.last_seq) {
      this.chainFinding = { code: 'E_CHAIN', detail: `first_seq ${m.first_seq} + count ${m.count} − 1 ≠ last_seq ${m.last_seq}` };
    } else if (this.hasher.hex() !== m.last_hash) {
      this.chainFinding = { code: 'E_CHAIN', detail: `the chain from prev_hash ends at ${this.hasher.hex()}, not at last_hash ${m.last_hash}` };
    }
  }
}

export const ZERO_HEX = '0'.repeat(64);
