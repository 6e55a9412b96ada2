import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { contentSecurityPolicy } from './main/core/content-security-policy.ts';

const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url));

const CHARSET = '<meta charset="UTF-8" />';

/**
 * The built page carries the app's Content Security Policy in a <meta> tag, right after the
 * charset, before anything it governs (file:// pages in Electron have no response headers; the
 * shell and `earshot serve` also send it as a header). `frame-ancestors` is left out of the tag,
 * where browsers ignore it with a console error. Applied to the build only, because the dev
 * server injects inline styles for hot reload.
 */
const metaPolicy = contentSecurityPolicy
  .split('; ')
  .filter((directive) => !directive.startsWith('frame-ancestors'))
  .join('; ');

const strictCsp: Plugin = {
  name: 'earshot-csp',
  apply: 'build',
  transformIndexHtml(html) {
    if (!html.includes(CHARSET)) throw new Error(`renderer/index.html must contain ${CHARSET}`);
    const meta = `<meta http-equiv="Content-Security-Policy" content="${metaPolicy}" />`;
    return html.replace(CHARSET, `${CHARSET}\n    ${meta}`);
  },
};

export default defineConfig({
  root: fromRoot('./renderer'),
  // Relative asset URLs: the same files load from file:// (Electron) and from `earshot serve`.
  base: './',
  plugins: [svelte({ configFile: fromRoot('./svelte.config.js') }), strictCsp],
  build: {
    outDir: fromRoot('./out/renderer'),
    emptyOutDir: true,
    target: 'es2022',
    // No data: URLs for assets, and no polyfill: Electron's and today's browsers' Chromium
    // support modulepreload natively.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
});
