/**
 * THE CONTRACT between Earshot's faces (desktop window, browser, terminal) and its core: the
 * schema of every request, response, push event and error that crosses a process boundary, the
 * types inferred from them, and the one `limits` object. The main process, the web server, the
 * CLI and the renderer import it; nothing re-declares it. It imports nothing from Node, so the
 * page can run its schemas too. See README.md for how to add a method.
 */
export * from './desktop-requests.ts';
export * from './desktop.ts';
export { anyResult, apiError, errorCode, errorCodes, resultOf } from './errors.ts';
export type { ApiError, ErrorCode, FieldPath, FieldProblem, Result } from './errors.ts';
export * from './events.ts';
export { limits } from './limits.ts';
export type { NumberRange } from './limits.ts';
export { implementApi, takesRequest } from './method-table.ts';
export type { MethodTable, RequestCheck } from './method-table.ts';
export * from './methods.ts';
export * from './pick-sets.ts';
export * from './requests.ts';
export * from './spotify-account.ts';
export * from './taste.ts';
export * from './views.ts';
export * from './your-ratings.ts';
