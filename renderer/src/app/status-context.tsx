import { createContext, useContext } from 'react';
import type { AppStatus } from '../../../shared/domain/installation';

export interface StatusContextValue {
  status: AppStatus;
  reloadStatus: () => void;
}

export const StatusContext = createContext<StatusContextValue | null>(null);

/** `app.status` as last read (installation, locale, data folder, version). */
export function useAppStatus(): StatusContextValue {
  const value = useContext(StatusContext);
  if (!value) throw new Error('useAppStatus outside StatusContext');
  return value;
}
