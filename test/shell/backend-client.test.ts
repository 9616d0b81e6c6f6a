import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { createBackendClient } from '../../electron/main/backend-client';
import type { ToHost } from '../../electron/main/host-messages';

/** A UtilityProcess stand-in: records what main posts, lets the test answer as the host. */
class FakeChild extends EventEmitter {
  posted: ToHost[] = [];
  kill = vi.fn(() => true);
  postMessage(message: ToHost) {
    this.posted.push(message);
  }
  reply(message: unknown) {
    this.emit('message', message);
  }
  calls() {
    return this.posted.filter((m): m is Extract<ToHost, { id: number }> => 'id' in m);
  }
}

const init = { dataDir: '/dati', appVersion: '0.1.0' };

async function started() {
  const child = new FakeChild();
  const client = createBackendClient(child);
  const start = client.start(init);
  expect(child.posted[0]).toEqual({ init });
  child.reply({ ready: true });
  await expect(start).resolves.toEqual({ ok: true, value: null });
  return { child, client };
}

describe('backend client', () => {
  it('correlates responses to calls by id, in any order', async () => {
    const { child, client } = await started();
    const a = client.call('app.status', {});
    const b = client.call('members.list', {});
    const [ca, cb] = child.calls();
    expect(ca).toMatchObject({ method: 'app.status', input: {} });
    expect(cb).toMatchObject({ method: 'members.list', input: {} });
    expect(ca!.id).not.toBe(cb!.id);
    child.reply({ id: cb!.id, result: { ok: true, value: ['membro'] } });
    child.reply({ id: ca!.id, result: { ok: false, error: { code: 'E_NOT_INITIALIZED', message: 'Installazione non configurata.' } } });
    await expect(a).resolves.toEqual({ ok: false, error: { code: 'E_NOT_INITIALIZED', message: 'Installazione non configurata.' } });
    await expect(b).resolves.toEqual({ ok: true, value: ['membro'] });
  });

  it('ignores malformed and unknown messages from the host', async () => {
    const { child, client } = await started();
    const pending = client.call('app.status', {});
    const id = child.calls()[0]!.id;
    for (const junk of [null, 42, 'x', { id }, { id, result: 'nope' }, { id: id + 99, result: { ok: true, value: 1 } }]) child.reply(junk);
    child.reply({ id, result: { ok: true, value: 'fine' } });
    await expect(pending).resolves.toEqual({ ok: true, value: 'fine' });
  });

  it('fails every pending call with an E_INTERNAL value when the process exits, and later calls too', async () => {
    const { child, client } = await started();
    const onExit = vi.fn();
    client.onUnexpectedExit(onExit);
    const a = client.call('app.status', {});
    const b = client.call('members.list', {});
    child.emit('exit', 9);
    for (const result of [await a, await b, await client.call('app.status', {})]) {
      expect(result).toMatchObject({ ok: false, error: { code: 'E_INTERNAL' } });
      expect(result.ok === false && result.error.message).toMatch(/motore dei dati/);
    }
    expect(onExit).toHaveBeenCalledWith(9);
  });

  it('forwards push events to subscribers until they unsubscribe', async () => {
    const { child, client } = await started();
    const listener = vi.fn();
    const stop = client.onEvent(listener);
    const message = { event: 'task.progress', payload: { taskId: 't', label: 'x', done: 1, total: 2 } };
    child.reply(message);
    stop();
    child.reply(message);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener).toHaveBeenCalledWith(message);
  });

  it('reports a startup failure with the core’s code and Italian message, and kills the host', async () => {
    const child = new FakeChild();
    const client = createBackendClient(child);
    const start = client.start(init);
    const fatal = { code: 'E_DB_NEWER', message: 'Il database è di una versione più recente di CST Desk.' };
    child.reply({ fatal });
    await expect(start).resolves.toEqual({ ok: false, error: fatal });
    expect(child.kill).toHaveBeenCalled();
    await expect(client.call('app.status', {})).resolves.toMatchObject({ ok: false, error: { code: 'E_INTERNAL' } });
  });

  it('reports a host that dies before it is ready, without calling the unexpected-exit listener', async () => {
    const child = new FakeChild();
    const client = createBackendClient(child);
    const onExit = vi.fn();
    client.onUnexpectedExit(onExit);
    const start = client.start(init);
    child.emit('exit', 1);
    await expect(start).resolves.toMatchObject({ ok: false, error: { code: 'E_INTERNAL' } });
    expect(onExit).not.toHaveBeenCalled();
  });

  it('refuses calls before start and a second start', async () => {
    const child = new FakeChild();
    const client = createBackendClient(child);
    await expect(client.call('app.status', {})).resolves.toMatchObject({ ok: false, error: { code: 'E_INTERNAL' } });
    expect(child.posted).toEqual([]);
    void client.start(init);
    await expect(client.start(init)).resolves.toMatchObject({ ok: false });
    expect(child.posted).toHaveLength(1);
  });

  it('closes by asking for a clean shutdown and waiting for the exit', async () => {
    const { child, client } = await started();
    const onExit = vi.fn();
    client.onUnexpectedExit(onExit);
    const closing = client.close(1000);
    expect(child.posted.at(-1)).toEqual({ shutdown: true });
    child.emit('exit', 0);
    await closing;
    expect(child.kill).not.toHaveBeenCalled();
    expect(onExit).not.toHaveBeenCalled();
    await client.close();
  });

  it('kills a host that does not exit in time', async () => {
    vi.useFakeTimers();
    try {
      const { child, client } = await started();
      const closing = client.close(3000);
      const again = client.close(3000);
      await vi.advanceTimersByTimeAsync(3000);
      await closing;
      await again;
      expect(child.kill).toHaveBeenCalledOnce();
      expect(child.posted.filter((m) => 'shutdown' in m)).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
