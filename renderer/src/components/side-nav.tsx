export interface NavItem {
  path: string;
  label: string;
  /** "3 novità": something arrived there since it was last seen (read as part of the link). */
  badge?: string;
}

export interface SideNavProps {
  label: string;
  items: readonly NavItem[];
  currentPath: string;
}

/** The main menu: plain links (Tab, Enter), the current page marked with `aria-current`. */
export function SideNav({ label, items, currentPath }: SideNavProps) {
  return (
    <nav className="sidebar-wrapper cst-sidenav" aria-label={label}>
      <div className="sidebar-linklist-wrapper">
        <div className="link-list-wrapper">
          <ul className="link-list">
            {items.map((item) => {
              const current = item.path === currentPath;
              return (
                <li key={item.path}>
                  <a
                    className={`list-item cst-nav-link${current ? ' active' : ''}`}
                    href={`#${item.path}`}
                    aria-current={current ? 'page' : undefined}
                  >
                    <span>{item.label}</span>
                    {/* The space keeps "Proposte 1 novità" two words in the link's accessible name. */}
                    {item.badge ? <> <span className="cst-nav-badge">{item.badge}</span></> : null}
                  </a>
                </li>
              );
            })}
          </ul>
        </div>
      </div>
    </nav>
  );
}
