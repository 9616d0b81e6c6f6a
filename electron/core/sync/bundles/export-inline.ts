/**
 * `bundle.export` without a folder of the user's (the browser shell's download, Electron's save
 * dialog): the bundles are written the usual safe way (exportBundles: temp file, fsync, rename,
 * read back and compared) into a private folder of the data directory, then read, checked
 * against the SHA-256 exportBundles reported, returned as bytes and deleted.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BundleExportResult } from '../../../../shared/domain/bundles';
import type { AppContext } from '../../platform/context';
import { appError } from '../../platform/errors';
import { exportBundles, type ExportRequest } from './export';

/** Bytes returned in one answer (base64 in JSON over the local transport): beyond, a folder. */
export const INLINE_EXPORT_MAX_BYTES = 100 * 1024 * 1024;

export async function exportInline(ctx: AppContext, req: Omit<ExportRequest, 'out' | 'dir'>, maxBytes = INLINE_EXPORT_MAX_BYTES): Promise<BundleExportResult[]> {
  const dir = join(ctx.dataDir, 'outbox-tmp', `inline-${randomUUID()}`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  try {
    const results = await exportBundles(ctx, { ...req, dir });
    const total = results.reduce((sum, r) => sum + statSync(r.path).size, 0);
    if (total > maxBytes) {
      const mb = (n: number) => Math.ceil(n / (1024 * 1024));
      throw appError('export.tooLargeInline', { sizeMb: mb(total), maxMb: mb(maxBytes) }, { field: 'inline' });
    }
    return results.map((r) => {
      const bytes = readFileSync(r.path);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      if (bytes.length !== r.bytes || sha256 !== r.sha256) {
        throw appError('export.rereadMismatch', { file: r.fileName });
      }
      return { ...r, path: '', contentBase64: bytes.toString('base64') };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
