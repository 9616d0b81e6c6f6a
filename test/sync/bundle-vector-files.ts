/** The published vectors, read in place (no test-runner imports: benchmarks use this too). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const VECTORS = process.env.CST_VECTORS_DIR ?? fileURLToPath(new URL('../fixtures/vectors/', import.meta.url));

export function vectorFile(path: string): Buffer {
  return readFileSync(join(VECTORS, path));
}
