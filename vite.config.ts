import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from './electron/security/policy';

/** The page carries the shell's CSP too (one declaration; `frame-ancestors` is not allowed in a meta tag). */
function cspMeta(): Plugin {
  const policy = CONTENT_SECURITY_POLICY.split('; ')
    .filter((d) => !d.startsWith('frame-ancestors'))
    .join('; ');
  return { name: 'desk-csp-meta', transformIndexHtml: (html) => html.replace('%DESK_CSP%', policy) };
}

/** The renderer: built to dist/renderer with relative asset paths so Electron can load it from disk. */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), cspMeta()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 4000,
  },
});
