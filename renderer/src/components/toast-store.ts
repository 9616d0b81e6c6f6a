import { create } from 'zustand';
import type { Message } from '../i18n/messages';

export type ToastTone = 'success' | 'info' | 'warning' | 'danger';

export interface Toast {
  id: number;
  tone: ToastTone;
  /** Kept as a catalogue reference: a toast follows a language switch made while it shows. */
  message: Message;
}

interface ToastState {
  toasts: Toast[];
  show: (tone: ToastTone, message: Message) => void;
  dismiss: (id: number) => void;
  /** A new page, or a form now in error: an old confirmation would mislead. */
  clear: () => void;
}

let nextId = 1;

/**
 * Short confirmations after an action ("file saved"); they stay until closed or replaced. Only
 * the newest shows: in quick entry a pile of confirmations would cover the form.
 */
export const useToastStore = create<ToastState>()((set) => ({
  toasts: [],
  show: (tone, message) => set({ toasts: [{ id: nextId++, tone, message }] }),
  dismiss: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
  clear: () => set({ toasts: [] }),
}));
