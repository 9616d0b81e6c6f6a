import type { ErrorEntry } from './entry';

export const municipalityMessages = {
} as const satisfies Record<string, ErrorEntry>;
