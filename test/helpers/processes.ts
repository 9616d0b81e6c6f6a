import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { BIN, NO_LANGUAGE } from '../cli/cli-run';
import { afterEachTest } from './after-each-test';

/**
 * Long-running child processes for tests (a `cst mailbox serve`, a sync agent): started, waited
 * for until they say they are ready, killed with -9 in mid-work, restarted. `test/cli/cli-run.ts`
 * has `cstProcess` for commands that run to their end; this is for those that do not end by
 * themselves. Every process still running is killed with SIGKILL after each test.
 */

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface RunningProcess {
  child: ChildProcess;
  pid: number;
  /** Resolves when the process has exited (never rejects). */
  exited: Promise<Exit>;
  /** Every stdout line so far. */
  lines(): string[];
  /** All stderr so far. */
  stderr(): string;
  /**
   * The next stdout line (after the one a previous call returned) that matches, with its groups.
   * Rejects, naming the command and quoting stderr, when the process exits first or after
   * `timeoutMs` (default 20 s: a `cst` start is ~0.6 s, more on a busy two-core machine).
   */
  waitForLine(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** Sends `signal` (default SIGKILL) and waits for the exit; anything else gets SIGKILL after 10 s. */
  kill(signal?: NodeJS.Signals): Promise<Exit>;
}

const running = new Set<ChildProcess>();

afterEachTest(function killTestProcesses() {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
});

/** How much of stderr an error message quotes: its end, where the reason usually is. */
const QUOTED_STDERR = 4_000;

export function startProcess(command: string, args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): RunningProcess {
  const child = spawn(command, args, { env: options.env ?? process.env, cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  if (child.pid === undefined) throw new Error(`could not start ${command}`);
  running.add(child);
  const name = [command, ...args].join(' ');
  const lines: string[] = [];
  let stderr = '';
  let next = 0; // the first line the next waitForLine looks at
  const waiters = new Set<() => void>();
  const wake = () => {
    for (const w of [...waiters]) w();
  };
  createInterface({ input: child.stdout! }).on('line', (line) => {
    lines.push(line);
    wake();
  });
  child.stderr!.setEncoding('utf8').on('data', (text: string) => void (stderr += text));
  let exit: Exit | null = null;
  const exited = new Promise<Exit>((resolve) => {
    // 'close', not 'exit': stdout and stderr have been read to their end by then.
    child.on('close', (code, signal) => {
      running.delete(child);
      exit = { code, signal };
      resolve(exit);
      wake();
    });
    child.on('error', (err) => {
      stderr += String(err);
      running.delete(child);
      exit = { code: null, signal: null };
      resolve(exit);
      wake();
    });
  });
  const explain = (why: string) => new Error(`${name}: ${why}\nstdout:\n${lines.join('\n')}\nstderr:\n${stderr.slice(-QUOTED_STDERR)}`);

  return {
    child,
    pid: child.pid,
    exited,
    lines: () => [...lines],
    stderr: () => stderr,
    waitForLine(pattern, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => settle(() => reject(explain(`no line matching ${pattern} within ${timeoutMs} ms`))), timeoutMs);
        const settle = (fn: () => void) => {
          clearTimeout(timer);
          waiters.delete(check);
          fn();
        };
        function check() {
          for (; next < lines.length; next++) {
            const match = lines[next]!.match(pattern);
            if (match) {
              next++;
              return settle(() => resolve(match));
            }
          }
          if (exit) settle(() => reject(explain(`exited (code ${exit!.code}, signal ${exit!.signal}) before a line matching ${pattern}`)));
        }
        waiters.add(check);
        check();
      });
    },
    async kill(signal = 'SIGKILL') {
      if (exit) return exit;
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      try {
        return await exited;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/** The real `cst` command (`node bin/cst.mjs …`) as a long-running child, in Italian as in cli-run.ts. */
export function startCst(args: string[], env: NodeJS.ProcessEnv = {}): RunningProcess {
  return startProcess(process.execPath, [BIN, ...args], { env: { ...process.env, ...NO_LANGUAGE, ...env } });
}
