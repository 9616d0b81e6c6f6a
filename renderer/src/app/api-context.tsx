import { createContext, useContext, type ReactNode } from 'react';
import type { WindowApi } from '../../../shared/api/call';

const ApiContext = createContext<WindowApi | null>(null);

/** Gives the components the platform's `WindowApi` (tests pass a fake one). */
export function ApiProvider({ api, children }: { api: WindowApi; children: ReactNode }) {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

export function useApi(): WindowApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi outside ApiProvider');
  return api;
}
