import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**', 'test/**/*.svelte.test.ts', 'node_modules/**'],
          environment: 'node',
        },
      },
      {
        // The renderer's rune classes (*.svelte.ts), compiled as in the browser so that $state
        // and $derived are the real reactive primitives, not their server-side stand-ins.
        extends: true,
        plugins: [svelte()],
        test: {
          name: 'renderer',
          include: ['test/**/*.svelte.test.ts'],
          environment: './test/renderer/svelte-client-environment.ts',
        },
      },
    ],
  },
});
