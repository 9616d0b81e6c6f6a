import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AttachmentContent } from '../../../../shared/domain/proposals';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES, type AttachmentRef, type AttachmentType } from '../../../../shared/records/proposals';
import type { AppContext } from '../../platform/context';
import { appError } from '../../platform/errors';
import { writeFileAtomic } from '../../platform/fs/atomic-write';
import { makePrivateDir } from '../../platform/fs/private-files';
import { stmt } from '../../platform/store/statements';
import { detectAttachmentType } from './file-type';

export const ATTACHMENTS_DIR = 'attachments';

const ALLOWED = 'PDF, ODT, DOCX, PNG o JPEG';

/**
 * Checks a file and stores it under `<data dir>/attachments/<sha256>` (content-addressed, so
 * the same file attached twice is stored once). Runs BEFORE the transaction that lists it on a
 * proposal: file work never happens inside a transaction; a file left by a failed transaction
 * is harmless (nothing refers to it) and reused if attached again.
 */
export function storeAttachment(ctx: AppContext, input: { name: string; type: string; contentBase64: string }): AttachmentRef {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(input.contentBase64)) {
    throw appError('attachment.unreadable', {}, { field: 'contentBase64' });
  }
  const bytes = Buffer.from(input.contentBase64, 'base64');
  if (bytes.length === 0) throw appError('attachment.empty', {}, { field: 'contentBase64' });
  if (bytes.length > ATTACHMENT_MAX_BYTES) {
    throw appError('attachment.tooLarge', {}, { field: 'contentBase64' });
  }
  const detected = detectAttachmentType(bytes);
  if (!detected) {
    throw appError('attachment.typeNotAllowed', { allowed: ALLOWED }, { field: 'type' });
  }
  if (input.type && (ATTACHMENT_TYPES as readonly string[]).includes(input.type) && input.type !== detected) {
    throw appError('attachment.typeMismatch', { name: input.name }, { field: 'type' });
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const dir = join(ctx.dataDir, ATTACHMENTS_DIR);
  makePrivateDir(dir);
  const path = join(dir, sha256);
  if (!existsSync(path)) writeFileAtomic(path, bytes);
  return { sha256, bytes: bytes.length, name: input.name, type: detected };
}

/** Lists a stored file in the database; in the transaction that attaches it. */
export function insertAttachmentRow(ctx: AppContext, ref: AttachmentRef): void {
  stmt(ctx.db, 'INSERT INTO attachments (sha256, bytes, type, stored_at) VALUES (?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING').run(
    ref.sha256,
    ref.bytes,
    ref.type,
    ctx.clock.now(),
  );
}

export function readAttachment(ctx: AppContext, sha256: string): AttachmentContent {
  const row = stmt(ctx.db, 'SELECT sha256, bytes, type FROM attachments WHERE sha256 = ?').get(sha256) as
    | { sha256: string; bytes: number; type: AttachmentType }
    | undefined;
  const path = join(ctx.dataDir, ATTACHMENTS_DIR, sha256);
  if (!row || !existsSync(path)) throw appError('attachment.notFound');
  const bytes = readFileSync(path);
  if (createHash('sha256').update(bytes).digest('hex') !== sha256) {
    throw appError('attachment.altered');
  }
  return { sha256, type: row.type, bytes: bytes.length, contentBase64: bytes.toString('base64') };
}
