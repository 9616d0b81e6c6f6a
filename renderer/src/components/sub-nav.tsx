export interface SubNavItem {
  path: string;
  label: string;
}

/** The views of one section (list, monthly table, chart…): links, the current one marked. */
export function SubNav({ label, items, currentPath }: { label: string; items: readonly SubNavItem[]; currentPath: string }) {
  return (
    <nav className="cst-subnav" aria-label={label}>
      <ul>
        {items.map((item) => {
          const current = item.path === currentPath;
          return (
            <li key={item.path}>
              <a href={`#${item.path}`} className={`cst-subnav-link${current ? ' cst-subnav-current' : ''}`} aria-current={current ? 'page' : undefined}>
                {item.label}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
