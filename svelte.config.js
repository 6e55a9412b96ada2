// Read by the Vite plugin (vite.config.ts, vitest.config.ts), svelte-check and eslint-plugin-svelte.
/** @type {import('@sveltejs/vite-plugin-svelte').SvelteConfig} */
export default {
  compilerOptions: {
    // Runes only: legacy syntax (export let, $:, on:click, slots) is a compile error.
    runes: true,
  },
};
