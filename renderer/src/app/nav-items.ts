import type { TFunction } from 'i18next';
import type { Role } from '../../../shared/domain/ids';
import type { NavItem } from '../components/side-nav';

/** The sections of each role, in menu order (the next features fill the placeholders). */
export const SECTIONS = {
  municipality: ['home', 'usage', 'training', 'proposals', 'bundles', 'settings'],
  hub: ['home', 'members', 'imports', 'proposals', 'plan', 'settings'],
} as const satisfies Record<Role, readonly string[]>;

export type Section = (typeof SECTIONS)[Role][number];

export function sectionPath(section: Section): string {
  return section === 'home' ? '/' : `/${section}`;
}

export function navItemsFor(role: Role, t: TFunction): NavItem[] {
  return SECTIONS[role].map((section) => ({ path: sectionPath(section), label: t(`nav.${section}`) }));
}

/** The section a hash path shows for this role; an unknown path shows the home. */
export function sectionFor(role: Role, path: string): Section {
  const found = (SECTIONS[role] as readonly Section[]).find((s) => sectionPath(s) === path);
  return found ?? 'home';
}
