import { nativeSaveFile } from './api';

export interface FileToSave {
  fileName: string;
  contentBase64: string;
}

export type SaveOutcome = { kind: 'downloaded'; fileName: string } | { kind: 'saved'; path: string } | { kind: 'cancelled' };

/**
 * Saves bytes the backend produced. In Electron a native dialog (when the preload offers one);
 * in the browser shell a download through a Blob and a temporary `<a download>`.
 */
export async function saveFile(file: FileToSave): Promise<SaveOutcome> {
  const native = nativeSaveFile();
  if (native) {
    const result = await native(file);
    return result.saved ? { kind: 'saved', path: result.path ?? file.fileName } : { kind: 'cancelled' };
  }
  const blob = new Blob([base64ToBytes(file.contentBase64)], { type: 'application/octet-stream' });
  const url = URL.createObjectURL(blob);
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = safeFileName(file.fileName);
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    link.remove();
  } finally {
    // Revoked on the next tick: revoking synchronously can cancel the download in some browsers.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
  return { kind: 'downloaded', fileName: safeFileName(file.fileName) };
}

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Keeps only a plain file name (no folders, no characters Windows refuses). */
function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base.replace(/[<>:"|?*\u0000-\u001F]/g, '_').trim();
  return clean || 'cst-desk-file';
}
