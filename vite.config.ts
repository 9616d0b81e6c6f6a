import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** The renderer: built once into dist/renderer, served by Electron's protocol or the browser shell. */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // No inline scripts or styles: the CSP is `script-src 'self'; style-src 'self'`.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
});
