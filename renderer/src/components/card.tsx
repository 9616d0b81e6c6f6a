import type { ReactNode } from 'react';

export interface CardProps {
  title?: string;
  /** Heading level of the title inside the page (2 under the page's h1). */
  level?: 2 | 3;
  children: ReactNode;
  className?: string;
  id?: string;
  /** The heading can take focus (tabIndex -1): a link leads straight to this card. */
  focusableTitle?: boolean;
}

/** A bordered block with an optional heading; the heading names the region for screen readers. */
export function Card({ title, level = 2, children, className, id, focusableTitle = false }: CardProps) {
  const Heading = level === 2 ? 'h2' : 'h3';
  const headingId = id ? `${id}-title` : undefined;
  return (
    <section
      id={id}
      className={`card card-bg cst-card${className ? ` ${className}` : ''}`}
      aria-labelledby={title && headingId ? headingId : undefined}
    >
      <div className="card-body">
        {title ? (
          <Heading id={headingId} className="card-title cst-card-title" tabIndex={focusableTitle ? -1 : undefined}>
            {title}
          </Heading>
        ) : null}
        {children}
      </div>
    </section>
  );
}
