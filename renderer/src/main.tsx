import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles/index.css';
import { NoAccess, Root } from './app/app';
import { createI18n } from './i18n';
import { connectPlatform } from './platform/api';

// The platform first: Electron's bridge, or the browser shell opened by its launch address.
const platform = connectPlatform();
const i18n = createI18n();
const container = document.getElementById('root');
if (!container) throw new Error('#root missing from index.html');

createRoot(container).render(
  <StrictMode>{platform.kind === 'no-access' ? <NoAccess i18n={i18n} /> : <Root api={platform.api} i18n={i18n} />}</StrictMode>,
);
