import { create } from 'zustand';

export type ToastTone = 'success' | 'info' | 'warning' | 'danger';

export interface Toast {
  id: number;
  tone: ToastTone;
  text: string;
}

interface ToastState {
  toasts: Toast[];
  show: (tone: ToastTone, text: string) => void;
  dismiss: (id: number) => void;
}

let nextId = 1;

/** Short confirmations after an action ("file saved"); they stay until closed or replaced. */
export const useToastStore = create<ToastState>()((set) => ({
  toasts: [],
  show: (tone, text) => set((s) => ({ toasts: [...s.toasts.slice(-2), { id: nextId++, tone, text }] })),
  dismiss: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
}));
