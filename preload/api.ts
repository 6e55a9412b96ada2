/**
 * The contract for the renderer. It lives in the core (`main/core/contract/`), which both the
 * main process and the page import; this file only re-exports it, so the renderer's imports stay
 * pointed at one neutral place (lint allows the page nothing else of main/). Its schemas are
 * values: the Settings forms check requests with them before sending.
 */
export * from '../main/core/contract/index.ts';
