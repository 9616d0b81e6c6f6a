import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { WindowApi } from '../../shared/api/call';
import type { Locale } from '../../shared/domain/ids';
import { Root } from '../../renderer/src/app/app';
import { createI18n } from '../../renderer/src/i18n';

/** Renders the whole app over a `WindowApi` (the real core in this process, see real-backend.ts), with a fresh i18n instance. */
export function renderApp(api: WindowApi, locale: Locale = 'it') {
  const i18n = createI18n(locale);
  const user = userEvent.setup();
  const utils = render(<Root api={api} i18n={i18n} />);
  return { ...utils, user, i18n };
}
