/**
 * How the contract declares methods: a table of `name: { channel, request, response }`, from
 * which every face derives its channels, its checks and its types. The core's methods
 * (methods.ts) and the desktop's (desktop.ts) are two such tables.
 */
import { noRequest } from './checks.ts';
import { describeInvalid } from './errors.ts';
import type { ApiError, FieldProblem, Result } from './errors.ts';
import type { z } from './zod.ts';

/** One method: its IPC channel (`domain:verb`), the schema of its request and of its answer. */
export interface MethodSpec {
  readonly channel: `${string}:${string}`;
  readonly request: z.ZodType;
  readonly response: z.ZodType;
}

export type MethodTable = { readonly [name: string]: MethodSpec };

/** What a caller sends. */
export type RequestIn<T extends MethodTable, K extends keyof T> = z.input<T[K]['request']>;
/** What a handler receives, once checked (defaults filled in, text trimmed…). */
export type RequestOut<T extends MethodTable, K extends keyof T> = z.output<T[K]['request']>;
export type ResponseOut<T extends MethodTable, K extends keyof T> = z.output<T[K]['response']>;

/** A method as a caller sees it; the request may be left out when the method can do without. */
export type CallOf<Request, Response> = undefined extends Request
  ? (request?: Request) => Promise<Result<Response>>
  : (request: Request) => Promise<Result<Response>>;

export type ApiOf<T extends MethodTable> = {
  readonly [K in keyof T]: CallOf<RequestIn<T, K>, ResponseOut<T, K>>;
};

/** A checked request, or why not: the error to answer with, and each problem for a form. */
export type RequestCheck<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: ApiError; readonly problems: readonly FieldProblem[] };

/** Checks an untrusted request (IPC payload, HTTP body, form) against the method's schema. */
export function checkRequest<T extends MethodTable, K extends keyof T>(
  table: T,
  method: K,
  value: unknown,
): RequestCheck<RequestOut<T, K>> {
  const parsed = table[method].request.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data as RequestOut<T, K> };
  return { ok: false, ...describeInvalid(parsed.error) };
}

/** Whether the method takes a request at all (its callers then send none). */
export function takesRequest(spec: MethodSpec): boolean {
  return spec.request !== noRequest;
}

export function methodNamesOf<T extends MethodTable>(table: T): readonly (keyof T & string)[] {
  return Object.keys(table);
}

export function isMethodOf<T extends MethodTable>(
  table: T,
  value: unknown,
): value is keyof T & string {
  return typeof value === 'string' && Object.hasOwn(table, value);
}

export function channelsOf<T extends MethodTable>(
  table: T,
): { readonly [K in keyof T]: T[K]['channel'] } {
  return Object.fromEntries(Object.entries(table).map(([name, spec]) => [name, spec.channel])) as {
    readonly [K in keyof T]: T[K]['channel'];
  };
}

/**
 * A caller for every method of `table`, each sending its request through `send`: methods that
 * take none send `undefined`, whatever they are given. `send` answers with what the other side
 * built as that method's `Result`, which is why its value is typed from the table here.
 */
export function implementApi<T extends MethodTable>(
  table: T,
  send: (method: keyof T & string, request: unknown) => Promise<Result<unknown>>,
): ApiOf<T> {
  const api = Object.fromEntries(
    methodNamesOf(table).map((method) => [
      method,
      takesRequest(table[method])
        ? (request: unknown) => send(method, request)
        : () => send(method, undefined),
    ]),
  );
  return api as ApiOf<T>;
}
