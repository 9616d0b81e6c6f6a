import type { TFunction } from 'i18next';
import type { Role } from '../../../shared/domain/ids';
import type { NavItem } from '../components/side-nav';

/** The sections of each role, in menu order (the next features fill the placeholders). */
export const SECTIONS = {
  municipality: ['home', 'usage', 'training', 'groups', 'proposals', 'share', 'bundles', 'settings'],
  hub: ['home', 'members', 'imports', 'catalogue', 'proposals', 'plan', 'dashboards', 'settings'],
} as const satisfies Record<Role, readonly string[]>;

export type Section = (typeof SECTIONS)[Role][number];

export function sectionPath(section: Section): string {
  return section === 'home' ? '/' : `/${section}`;
}

export function navItemsFor(role: Role, t: TFunction): NavItem[] {
  return SECTIONS[role].map((section) => ({ path: sectionPath(section), label: t(`nav.${section}`) }));
}

/** The section a hash path shows for this role (`/usage/monthly` is in `usage`); an unknown path shows the home. */
export function sectionFor(role: Role, path: string): Section {
  const found = (SECTIONS[role] as readonly Section[]).find((s) => s !== 'home' && (path === sectionPath(s) || path.startsWith(`${sectionPath(s)}/`)));
  return found ?? 'home';
}

/** The rest of the path inside a section: `/usage/monthly` → `monthly`, `/usage` → ``. */
export function subPath(section: Section, path: string): string {
  const base = sectionPath(section);
  return path.startsWith(`${base}/`) ? path.slice(base.length + 1) : '';
}
