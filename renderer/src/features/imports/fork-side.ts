/** Whose stream forked: a member's, seen by the hub, or the hub's, seen by a member (same screen, its own sentences). */
export type ForkSide = 'hub' | 'municipality';

const MUNICIPALITY_WORDING = new Set(['forksExplain', 'forksStep1', 'forksStep2', 'forksStep3', 'forkWhatAccept', 'forkCannotAccept', 'forkAccept', 'forkAcceptText', 'forkKeepText']);

export function forkKey(key: string, side: ForkSide): string {
  return side === 'municipality' && MUNICIPALITY_WORDING.has(key) ? `imports.mun.${key}` : `imports.${key}`;
}
