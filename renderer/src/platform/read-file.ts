/**
 * Reading a file the person picked (an `<input type="file">` or a drop) as base64, for the API.
 * Kept in the platform layer: it is the only code that uses `FileReader`.
 */
export interface PickedFile {
  name: string;
  /** The browser's guess from the name; the backend checks the first bytes anyway. */
  type: string;
  bytes: number;
  contentBase64: string;
}

/** Type and size checks happen before reading: a 2 GB file is refused without loading it. */
export function describeFile(file: File): { name: string; type: string; bytes: number } {
  return { name: file.name, type: file.type, bytes: file.size };
}

export function readFileAsBase64(file: File): Promise<PickedFile> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      const comma = url.indexOf(',');
      resolve({ name: file.name, type: file.type, bytes: file.size, contentBase64: comma >= 0 ? url.slice(comma + 1) : '' });
    };
    reader.readAsDataURL(file);
  });
}
