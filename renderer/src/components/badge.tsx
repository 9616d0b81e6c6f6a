import type { ReactNode } from 'react';

export type BadgeTone = 'neutral' | 'success' | 'warning';

/** A status word in a coloured pill: colour is never the only sign, the text says it. */
export function Badge({ tone, children }: { tone: BadgeTone; children: ReactNode }) {
  return <span className={`cst-badge cst-badge-${tone}`}>{children}</span>;
}
