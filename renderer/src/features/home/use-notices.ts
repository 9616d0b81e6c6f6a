import { useEffect, useRef } from 'react';
import type { Role } from '../../../../shared/domain/ids';
import type { NavBadges, Section } from '../../app/nav-items';
import { useApi } from '../../app/api-context';
import { useReceivedData } from '../../app/received-data';
import { useNoticesStore } from './notices-store';

/** The page where each kind of news is looked at: opening it (or leaving it) counts as seeing it. */
function seenOn(role: Role, section: Section): 'bundles' | 'proposals' | null {
  if (role === 'hub') return section === 'imports' ? 'bundles' : section === 'proposals' ? 'proposals' : null;
  return section === 'bundles' ? 'bundles' : null;
}

/**
 * Reads the news at every page change and whenever the network sync applied something (files
 * arrive by themselves then: received-data.ts), and clears a kind of news on the page that shows it, when entering it and when leaving
 * it (what was imported there meanwhile was seen there). Returns the menu's badges.
 */
export function useNotices(role: Role, section: Section, path: string): NavBadges {
  const api = useApi();
  const notices = useNoticesStore((s) => s.notices);
  const setNotices = useNoticesStore((s) => s.set);
  const previous = useRef<Section | null>(null);
  const received = useReceivedData((s) => s.version);
  useEffect(() => {
    let cancelled = false;
    const left = previous.current !== null && previous.current !== section ? seenOn(role, previous.current) : null;
    const entered = seenOn(role, section);
    previous.current = section;
    const seen = left && entered && left !== entered ? 'all' : (entered ?? left);
    void (seen ? api.call('notices.seen', { what: seen }) : api.call('notices.get', {})).then((r) => {
      if (!cancelled && r.ok) setNotices(r.value);
    });
    return () => {
      cancelled = true;
    };
  }, [api, role, section, path, setNotices, received]);
  if (!notices) return {};
  return role === 'hub' ? { imports: notices.bundles, proposals: notices.proposals } : { bundles: notices.bundles };
}
