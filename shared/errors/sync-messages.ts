import type { ErrorEntry } from './entry';

export const syncMessages = {
} as const satisfies Record<string, ErrorEntry>;
