import { readdirSync, readFileSync } from 'node:fs';
import type { Backend } from '../../electron/core/app/backend';
/** One figure, printed as one JSON line (what `npm run bench` promises). */
export function report(name: string, value: number, unit: string, extra: Record<string, unknown> = {}): void {
  process.stdout.write(`${JSON.stringify({ bench: name, value: Math.round(value * 1000) / 1000, unit, ...extra })}\n`);
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, i)]!;
}

/** Runs `fn` `n` times and returns the sorted durations in milliseconds. */
export async function timeMany(n: number, fn: () => unknown | Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b);
}

/** CPU ticks (1/100 s) of each thread of this process, by thread id (Linux; empty elsewhere). */
export function threadTicks(): Map<string, number> {
  const out = new Map<string, number>();
  try {
    for (const tid of readdirSync('/proc/self/task')) {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(tid, Number(f[11]) + Number(f[12]));
    }
  } catch {
    // not Linux
  }
  return out;
}

/** µs of CPU per event: the main thread (applying), the busiest other thread (the verifying worker), all others. */
export function cpuSplit(before: Map<string, number>, after: Map<string, number>, events: number): Record<string, number> {
  const us = (ticks: number) => Math.round(((ticks * 10_000) / events) * 10) / 10;
  const main = String(process.pid);
  const others = [...after].filter(([tid]) => tid !== main).map(([tid, t]) => t - (before.get(tid) ?? 0)).sort((a, b) => b - a);
  return {
    mainUsPerEvent: us((after.get(main) ?? 0) - (before.get(main) ?? 0)),
    workerUsPerEvent: us(others[0] ?? 0),
    otherThreadsUsPerEvent: us(others.slice(1).reduce((a, b) => a + b, 0)),
  };
}

/** An API call that must succeed (a bench stops at the first refusal, with its code and message). */
export async function must<T = unknown>(b: Backend, method: string, input: unknown): Promise<T> {
  const r = await b.dispatch(method as never, input as never);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}
