import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The built page may run only its own files: no inline script, no eval, no inline <style>, no
 * fonts or scripts from the network. Cover images come from Spotify's image hosts; the API and
 * its event stream (`earshot serve`) are same-origin. Applied to the build only, because the
 * dev server injects inline styles for hot reload.
 */
const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' https://i.scdn.co https://*.scdn.co https://*.spotifycdn.com",
  "connect-src 'self'",
  "font-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');

const CHARSET = '<meta charset="UTF-8" />';

/** Puts the policy right after the charset, before anything it governs. */
const strictCsp: Plugin = {
  name: 'earshot-csp',
  apply: 'build',
  transformIndexHtml(html) {
    if (!html.includes(CHARSET)) throw new Error(`renderer/index.html must contain ${CHARSET}`);
    const meta = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy}" />`;
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
