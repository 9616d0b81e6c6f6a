import { basename } from 'node:path';
import type { ApiError } from '../../../../shared/api/errors';
import type { ParsedInput } from '../../../../shared/api/contract';
import { MAX_IDENTITY_ARCHIVE_BYTES } from '../../../../shared/domain/identity-bulk';
import { MAX_IDENTITY_FILE_BYTES, type IdentityJson } from '../../format/container/identity-file';
import { openZip, ZipError } from '../../format/container/zip-reader';
import { readFileUpTo } from '../../platform/fs/bounded-read';
import { AppError, appError } from '../../platform/errors';
import { readPeerIdentity } from './identity-exchange';

/** One identity file of a bulk import, read and verified, or the reason it was not. */
export type ReadIdentity =
  | { source: string; identity: IdentityJson }
  | { source: string; skipped: ApiError }
  | { source: string; failed: ApiError };

type BulkFile = ParsedInput<'identity.importMany'>['files'][number];

const isArchiveName = (name: string) => /\.zip$/i.test(name);
const isIdentityName = (name: string) => /\.cstid$/i.test(name);
/** What macOS's Archive Utility adds beside each file: metadata, not files a person chose. */
const isMacMetadata = (name: string) => name.startsWith('__MACOSX/') || basename(name).startsWith('._');

function refusal(err: unknown): ApiError {
  if (err instanceof AppError) return err.toValue();
  throw err;
}

/** The checks of the single import (readPeerIdentity), with the refusal kept as the item's reason. */
function verified(source: string, bytes: Buffer): ReadIdentity {
  try {
    return { source, identity: readPeerIdentity(bytes) };
  } catch (err) {
    return { source, failed: refusal(err) };
  }
}

/**
 * A file's bytes, bounded by what its kind may weigh (a .cstid 64 KiB, a ZIP 32 MiB): a file
 * too large is refused having read no more than that. Only the CLI passes paths.
 */
function bytesOf(file: BulkFile, name: string, archive: boolean): Buffer | ApiError {
  const max = archive ? MAX_IDENTITY_ARCHIVE_BYTES : MAX_IDENTITY_FILE_BYTES;
  if ('contentBase64' in file) {
    const bytes = Buffer.from(file.contentBase64, 'base64');
    return bytes.length > max ? tooLarge(name, archive) : bytes;
  }
  try {
    return readFileUpTo(file.path, max) ?? tooLarge(name, archive);
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code ?? String(err);
    return appError('identityBulk.unreadable', { file: name, reason }).toValue();
  }
}

function tooLarge(name: string, archive: boolean): ApiError {
  return archive
    ? appError('identityBulk.archiveTooLarge', { file: name, maxMb: MAX_IDENTITY_ARCHIVE_BYTES / (1024 * 1024) }).toValue()
    : appError('identityFile.limit', {}, { params: { detail: `${name}: more than ${MAX_IDENTITY_FILE_BYTES} bytes` } }).toValue();
}

/**
 * Every .cstid of a ZIP a person made (Explorer, `zip -r`, Archive Utility: folders, data
 * descriptors and all), read by the strict reader of the bundle container. Each entry is
 * checked on its own: a damaged one is listed, the others are still read.
 */
function* entriesOf(archiveName: string, bytes: Buffer): Generator<ReadIdentity> {
  let zip;
  try {
    zip = openZip(bytes, {
      allowedNames: () => true,
      maxEntries: 0xffff,
      // Only .cstid entries are inflated, each after its own limit is checked below.
      maxEntryBytes: () => 0xffffffff,
      maxTotalBytes: Number.MAX_SAFE_INTEGER,
      skipDirectories: true,
    });
  } catch (err) {
    if (!(err instanceof ZipError)) throw err;
    yield { source: archiveName, failed: appError('identityBulk.archiveUnreadable', { file: archiveName }, { params: { detail: err.message } }).toValue() };
    return;
  }
  for (const entry of zip.entries) {
    if (isMacMetadata(entry.name)) continue;
    const source = `${archiveName} › ${entry.name}`;
    if (!isIdentityName(entry.name)) {
      yield { source, skipped: appError('identityBulk.notIdentityFile').toValue() };
    } else if (entry.size > MAX_IDENTITY_FILE_BYTES) {
      yield { source, failed: tooLarge(entry.name, false) };
    } else {
      let data: Buffer;
      try {
        data = zip.readEntry(entry.name);
      } catch (err) {
        if (!(err instanceof ZipError)) throw err;
        yield { source, failed: appError('identityFile.format', {}, { params: { detail: err.message } }).toValue() };
        continue;
      }
      yield verified(source, data);
    }
  }
}

/** Each identity of the files given (a .cstid, or a ZIP of them by its name), read and verified, in order. */
export function* readIdentityFiles(files: readonly BulkFile[]): Generator<ReadIdentity> {
  for (const file of files) {
    const name = file.name || ('path' in file ? basename(file.path) : '');
    const archive = isArchiveName(name);
    const bytes = bytesOf(file, name, archive);
    if (!Buffer.isBuffer(bytes)) yield { source: name, failed: bytes };
    else if (archive) yield* entriesOf(name, bytes);
    else yield verified(name, bytes);
  }
}
