import type { ErrorEntry } from './entry';

export const governanceMessages = {
} as const satisfies Record<string, ErrorEntry>;
