/**
 * The contract's types for the renderer. The contract itself lives in the core
 * (`main/core/contract/`), which both the main process and the page import; this file only
 * re-exports it so that the renderer's imports stay pointed at one neutral place.
 */
export * from '../main/core/contract/index.ts';
