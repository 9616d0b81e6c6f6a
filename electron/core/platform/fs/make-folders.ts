import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * `mkdir -p` that always ends. Node 20's `mkdirSync(path, { recursive: true })` never returns
 * for a path under /proc (mkdir there answers ENOENT although the parent exists, and Node retries
 * the parent forever), and a folder typed on the command line may be anywhere. So the missing
 * folders are made one by one from the first one that exists, and the first refusal is thrown as
 * it is (ENOENT, EACCES, EROFS, ENOTDIR…), for the caller to say in words.
 */
export function makeFolders(path: string, mode?: number): void {
  const missing: string[] = [];
  for (let p = path; !exists(p); p = dirname(p)) {
    missing.unshift(p);
    if (dirname(p) === p) break;
  }
  for (const p of missing) {
    try {
      mkdirSync(p, mode === undefined ? {} : { mode });
    } catch (err) {
      // Made meanwhile by another process: that is what was asked.
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}
