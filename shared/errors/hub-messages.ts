import type { ErrorEntry } from './entry';

export const hubMessages = {
} as const satisfies Record<string, ErrorEntry>;
