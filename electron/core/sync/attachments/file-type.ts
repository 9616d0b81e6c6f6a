import type { AttachmentType } from '../../../../shared/records/proposals';

const startsWith = (b: Uint8Array, sig: number[], at = 0) => sig.every((v, i) => b[at + i] === v);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/**
 * The type of a file read from its first bytes (the name and the declared type are not
 * trusted): PDF, PNG, JPEG, and the two ZIP-based documents — ODT (its first entry is
 * `mimetype`, stored, holding the media type) and DOCX (a ZIP with `[Content_Types].xml` and
 * a `word/` part). Anything else is null.
 */
export function detectAttachmentType(bytes: Uint8Array): AttachmentType | null {
  if (startsWith(bytes, ascii('%PDF-'))) return 'application/pdf';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (!startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return null;
  if (startsWith(bytes, ascii('mimetypeapplication/vnd.oasis.opendocument.text'), 30)) return 'application/vnd.oasis.opendocument.text';
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  if (text.includes('[Content_Types].xml') && text.includes('word/')) {
    return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  }
  return null;
}
