/// <reference types="svelte" />
/// <reference types="vite/client" />
import type { DesktopBridge } from './lib/api.ts';

declare global {
  interface Window {
    /**
     * The desktop preload's bridge (contextBridge): the contract and the desktop's own methods
     * (checked by lib/api.ts before use); absent in a browser tab.
     */
    readonly earshot?: DesktopBridge;
  }
}
