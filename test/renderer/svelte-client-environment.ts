import type { Environment } from 'vitest/runtime';

/**
 * Node, but with Vite's client transform: the Svelte plugin then compiles `*.svelte.ts` for the
 * browser and `svelte` resolves to its client runtime. The rune classes touch no DOM, so no DOM
 * emulation is needed.
 */
export default {
  name: 'svelte-client',
  viteEnvironment: 'client',
  setup: () => ({ teardown: () => undefined }),
} satisfies Environment;
