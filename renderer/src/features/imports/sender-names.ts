import type { Role } from '../../../../shared/domain/ids';
import { useApiQuery } from '../../app/use-api-query';

/**
 * A sender as a clerk knows it: "Urbino", "CST Pesaro-Urbino", never "041067". The identities
 * imported here know the names; on the hub the member registry also names a member whose identity
 * has not arrived yet (a file kept until it is confirmed; a municipality's registry is empty).
 * The code stays the last resort.
 */
export function useSenderNames(): (sender: { kind: Role; id: string } | null | undefined) => string {
  const peers = useApiQuery('peers.list', {});
  const members = useApiQuery('members.list', {});
  const names = new Map<string, string>();
  for (const m of members.data ?? []) names.set(`municipality:${m.istat}`, m.name);
  for (const p of peers.data ?? []) names.set(`${p.kind}:${p.id}`, p.name);
  return (sender) => (sender ? (names.get(`${sender.kind}:${sender.id}`) ?? sender.id) : '—');
}
