import { useSyncExternalStore } from 'react';
import { onHashChange, readHashPath } from '../platform/hash-location';

/** The current hash route, `/` when there is none. */
export function useHashPath(): string {
  return useSyncExternalStore(onHashChange, readHashPath, () => '/');
}
