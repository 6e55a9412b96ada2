/// <reference types="svelte" />
/// <reference types="vite/client" />
import type { EarshotApi } from '../../preload/api.ts';

declare global {
  interface Window {
    /** The desktop preload's bridge (contextBridge); absent in a browser tab. */
    readonly earshot?: EarshotApi;
  }
}
