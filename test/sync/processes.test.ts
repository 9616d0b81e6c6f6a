import { describe, expect, it } from 'vitest';
import { startCst, startProcess } from '../helpers/processes';

/** A node child that runs `code` (argv[1] onwards are `args`). */
const node = (code: string, ...args: string[]) => startProcess(process.execPath, ['-e', code, ...args]);

/** Whether a process with this id still exists (a reaped one does not). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('long-running test processes', () => {
  it('waits for a line on stdout, line after line, and kill -9 ends the process', async () => {
    const p = node(`console.log('starting'); setTimeout(() => console.log('listening on 4321'), 50); setInterval(() => {}, 1000);`);
    expect((await p.waitForLine(/^listening on (\d+)$/))[1]).toBe('4321');
    await expect(p.waitForLine(/^starting$/, 200)).rejects.toThrow(/no line matching/); // already passed
    expect(await p.kill()).toEqual({ code: null, signal: 'SIGKILL' });
    expect(alive(p.pid)).toBe(false);
    expect(p.lines()).toEqual(['starting', 'listening on 4321']);
  });

  it('a process that ends before the line: the error names it and quotes its stderr', async () => {
    const p = node(`console.error('la porta è occupata'); process.exit(3);`);
    await expect(p.waitForLine(/listening/)).rejects.toThrow(/exited \(code 3, signal null\)[\s\S]*la porta è occupata/);
    expect(await p.exited).toEqual({ code: 3, signal: null });
  });

  it('a process that never says it: the wait ends after its timeout, quoting stderr', async () => {
    const p = node(`console.error('still loading'); setInterval(() => {}, 1000);`);
    for (let i = 0; !p.stderr().includes('still loading'); i++) {
      if (i > 1000) throw new Error('the child never started');
      await new Promise((r) => setTimeout(r, 10));
    }
    await expect(p.waitForLine(/listening/, 200)).rejects.toThrow(/within 200 ms[\s\S]*still loading/);
  });

  it('the real cst command as a child', async () => {
    const p = startCst(['--version']);
    expect((await p.waitForLine(/\d+\.\d+\.\d+/))[0]).toMatch(/\d/);
    expect((await p.exited).code).toBe(0);
  });

  let leftPid = 0;
  it('a process a test leaves running… (1/2)', async () => {
    const p = node(`console.log('up'); setInterval(() => {}, 1000);`);
    await p.waitForLine(/^up$/);
    leftPid = p.pid;
  });
  it('…is killed after it (2/2)', async () => {
    for (let i = 0; alive(leftPid); i++) {
      if (i > 200) throw new Error(`process ${leftPid} still running`);
      await new Promise((r) => setTimeout(r, 10));
    }
  });
});
