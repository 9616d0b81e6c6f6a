import type { CallFn } from '../../shared/api/call';
import type { Input, MethodName, Output } from '../../shared/api/contract';
import { openBackend, type Backend, type BackendOptions } from '../../electron/core/app/backend';
import { fixedClock, sequentialIds } from '../../electron/core/platform/defaults';
import type { Clock } from '../../electron/core/platform/context';
import type { MailboxCourierMaker } from '../../electron/core/sync/network/courier-factory';
import { tempDir } from './temp-dir';
import { afterEachTest } from './after-each-test';

const open: Backend[] = [];

export interface TestBackend {
  backend: Backend;
  dataDir: string;
  call: CallFn;
  /** Calls and returns the value, failing the test with the error's message when refused. */
  must<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>>;
}

/** A real backend on a real SQLite file in a temp folder, with a fixed clock and ids. */
export function openTestBackend(
  options: {
    dataDir?: string;
    start?: string;
    clock?: Clock;
    autoBackupDelayMs?: number | false;
    /** The sync agent's mailbox client (network tests: short timeouts, a fault proxy's address). */
    mailboxCourier?: MailboxCourierMaker;
    /** The start-up check's thresholds and the background full check (off by default, as in the CLI). */
    store?: Pick<BackendOptions, 'startupCheck' | 'backgroundStoreCheck'>;
  } = {},
): TestBackend {
  const dataDir = options.dataDir ?? tempDir();
  const backend = openBackend({
    dataDir,
    appVersion: '0.0.0-test',
    clock: options.clock ?? fixedClock(options.start),
    ids: sequentialIds(open.length),
    log: { info() {}, warn() {}, error() {} },
    ...(options.autoBackupDelayMs !== undefined ? { autoBackupDelayMs: options.autoBackupDelayMs } : {}),
    ...(options.mailboxCourier ? { mailboxCourier: options.mailboxCourier } : {}),
    ...options.store,
  });
  open.push(backend);
  const call = ((method, input) => backend.dispatch(method, input)) as CallFn;
  return {
    backend,
    dataDir,
    call,
    async must(method, input) {
      const result = await call(method, input);
      if (!result.ok) throw new Error(`${method} refused: ${result.error.code} ${result.error.message}`);
      return result.value;
    },
  };
}

afterEachTest(function closeTestBackends() {
  for (const b of open.splice(0)) b.close();
});
