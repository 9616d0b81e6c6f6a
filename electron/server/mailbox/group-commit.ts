/**
 * Group commit of the mailbox's index (docs/sync.md "Limits and behaviour of the server").
 *
 * The requests' index writes are committed with synchronous=NORMAL: in WAL mode the commit is
 * written into the `-wal` file at once (a crash or `kill -9` of the process loses nothing) but not
 * fsynced, so the server's only thread never waits for the disk. A request whose answer promises
 * that something is stored (an upload complete, a chunk counted, a bundle delivered) then awaits
 * `durable()`: an fsync of the `-wal` file, in libuv's thread pool, that *began after* its commit.
 * Every request that commits while one fsync runs is covered by the next one, together: one fsync
 * for a whole batch instead of one each (what synchronous=FULL did, on the event loop).
 *
 * On Linux fsync flushes the file (its inode), whatever descriptor it is called on. A checkpoint
 * in between is no harm: SQLite fsyncs the WAL before it and the database file after it.
 */
import { syncFileAsync } from '../../core/platform/fs/atomic-write';

interface Waiter {
  resolve: () => void;
  reject: (err: unknown) => void;
}

export class GroupCommit {
  /** Commits made since the running fsync began: the next fsync covers them. */
  private waiting: Waiter[] = [];
  private running = false;
  /** fsyncs done, for the tests (one per batch, not one per request). */
  flushes = 0;

  constructor(private readonly walPath: string) {}

  /** Resolves once everything committed before this call is on the disk; rejects when the fsync fails. */
  durable(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    if (this.running || this.waiting.length === 0) return;
    const batch = this.waiting;
    this.waiting = [];
    this.running = true;
    let failure: unknown = null;
    try {
      await syncFileAsync(this.walPath);
    } catch (err) {
      // No -wal file: a checkpoint moved everything into the database file, which it fsynced.
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') failure = err;
    }
    this.flushes += 1;
    this.running = false;
    for (const w of batch) {
      if (failure) w.reject(failure);
      else w.resolve();
    }
    void this.flush();
  }
}
