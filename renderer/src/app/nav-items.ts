import type { TFunction } from 'i18next';
import type { Role } from '../../../shared/domain/ids';
import type { NavItem } from '../components/side-nav';

/** The sections of each role, in menu order (the next features fill the placeholders). */
export const SECTIONS = {
  municipality: ['home', 'usage', 'training', 'groups', 'committee', 'proposals', 'share', 'bundles', 'settings', 'help'],
  hub: ['home', 'members', 'region', 'imports', 'catalogue', 'proposals', 'committee', 'plan', 'dashboards', 'settings', 'help'],
} as const satisfies Record<Role, readonly string[]>;

/**
 * Pages reached from links in other pages, not from the menu: "Dati eliminati" is linked below
 * every list of records, filtered to that list's kind, and from the guide.
 */
export const LINKED_PAGES = {
  municipality: ['deleted'],
  hub: [],
} as const satisfies Record<Role, readonly string[]>;

export type Section = (typeof SECTIONS)[Role][number] | (typeof LINKED_PAGES)[Role][number];

/** "Novità" shown as a badge beside a menu entry: how many, in words for screen readers. */
export type NavBadges = Partial<Record<Section, number>>;

export function sectionPath(section: Section): string {
  return section === 'home' ? '/' : `/${section}`;
}

/**
 * Menu entries shown only where they mean something: "Regione" on a hub that confirmed at least
 * one provincial hub (docs/federation.md); its page still answers a link without it.
 */
export type ConditionalSection = 'region';

/** The role's sections in menu order, those of `ConditionalSection` only when `shown` holds them. */
export function visibleSections(role: Role, shown: ReadonlySet<ConditionalSection> = new Set()): Section[] {
  return (SECTIONS[role] as readonly Section[]).filter((section) => section !== 'region' || shown.has(section));
}

export function navItemsFor(role: Role, t: TFunction, badges: NavBadges = {}, shown: ReadonlySet<ConditionalSection> = new Set()): NavItem[] {
  return visibleSections(role, shown).map((section) => {
    const count = badges[section] ?? 0;
    return { path: sectionPath(section), label: t(`nav.${section}`), ...(count > 0 ? { badge: t('notices.badge', { count }) } : {}) };
  });
}

/** The section a hash path shows for this role (`/usage/monthly` is in `usage`); an unknown path shows the home. */
export function sectionFor(role: Role, path: string): Section {
  const found = ([...SECTIONS[role], ...LINKED_PAGES[role]] as readonly Section[]).find((s) => s !== 'home' && (path === sectionPath(s) || path.startsWith(`${sectionPath(s)}/`)));
  return found ?? 'home';
}

/** The rest of the path inside a section: `/usage/monthly` → `monthly`, `/usage` → ``. */
export function subPath(section: Section, path: string): string {
  const base = sectionPath(section);
  return path.startsWith(`${base}/`) ? path.slice(base.length + 1) : '';
}
