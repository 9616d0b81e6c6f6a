import { create } from 'zustand';
import type { IdentityConfirmManyResult, IdentityImportManyResult } from '../../../../shared/domain/identity-bulk';

interface BulkEnrolmentState {
  /** The last bulk import's result, kept while the office moves between the hub's pages. */
  imported: IdentityImportManyResult | null;
  confirmed: IdentityConfirmManyResult | null;
  /** Which files the import's table shows. */
  show: 'problems' | 'all';
  setImported: (imported: IdentityImportManyResult) => void;
  setConfirmed: (confirmed: IdentityConfirmManyResult) => void;
  setShow: (show: 'problems' | 'all') => void;
  reset: () => void;
}

export const useBulkEnrolmentStore = create<BulkEnrolmentState>()((set) => ({
  imported: null,
  confirmed: null,
  show: 'problems',
  setImported: (imported) => set({ imported, show: imported.counts.failed + imported.counts.skipped > 0 ? 'problems' : 'all' }),
  setConfirmed: (confirmed) => set({ confirmed }),
  setShow: (show) => set({ show }),
  reset: () => set({ imported: null, confirmed: null, show: 'problems' }),
}));
