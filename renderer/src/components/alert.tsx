import type { ReactNode } from 'react';

export type AlertTone = 'info' | 'success' | 'warning' | 'danger';

export interface AlertProps {
  tone: AlertTone;
  children: ReactNode;
  /** Set on alerts that appear after an action, so screen readers announce them. */
  live?: boolean;
  title?: string;
  id?: string;
}

/**
 * A message box in bootstrap-italia's style. A `live` danger alert is announced at once
 * (`role="alert"`), any other live one politely (`role="status"`).
 */
export function Alert({ tone, children, live = false, title, id }: AlertProps) {
  const role = live ? (tone === 'danger' ? 'alert' : 'status') : undefined;
  return (
    <div id={id} className={`alert alert-${tone} cst-alert`} role={role}>
      {title ? <p className="cst-alert-title">{title}</p> : null}
      <div>{children}</div>
    </div>
  );
}
