import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The preload, bundled on its own: a sandboxed renderer runs preloads as a single CommonJS
 * script (no ESM, no relative requires), with only `electron` provided. Hence one file,
 * `out/preload/index.cjs` (`.cjs` because package.json says `"type": "module"`), with the
 * contract (its method tables, and so zod) bundled in and `electron` left to the sandbox's
 * `require`.
 */
export default defineConfig({
  // Nothing of the renderer's root, public folder or plugins applies to the preload.
  root: fromRoot('./preload'),
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: fromRoot('./out/preload'),
    // tsc also writes out/preload/api.js (a re-export of the core's contract); nothing loads it.
    emptyOutDir: false,
    target: 'node22',
    minify: false,
    sourcemap: false,
    lib: {
      entry: fromRoot('./preload/index.ts'),
      formats: ['cjs'],
      fileName: () => 'index.cjs',
    },
    rolldownOptions: {
      external: ['electron'],
    },
  },
});
