import { z } from './zod.ts';

/** Stable error codes. The message is for people; the code is for code. */
export const errorCodes = [
  'invalid-request',
  'not-found',
  'no-model',
  'nothing-to-rate',
  'busy',
  'cancelled',
  'not-configured',
  'unauthorized',
  /** Spotify refused a signed-in request (allow-list, Premium, limits…); the message says why and what to do. */
  'spotify-refused',
  'internal',
] as const;
export const errorCode = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof errorCode>;

/** Where in a request a problem is, from the top: `['ratings', 0, 'stars']`. */
export const fieldPath = z.array(z.union([z.string(), z.number()])).readonly();
export type FieldPath = z.infer<typeof fieldPath>;

export const apiError = z
  .object({
    code: errorCode,
    message: z.string(),
    /** The request field an `invalid-request` is about, so a form shows it there unparsed. */
    field: fieldPath.optional(),
  })
  .readonly();
export type ApiError = z.infer<typeof apiError>;

/** What every call resolves to: expected failures are values, never thrown strings. */
export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiError };

/** The schema of a {@link Result} carrying `value`. */
export function resultOf<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: apiError }),
  ]);
}

/** Any {@link Result}, its value unchecked: the envelope a transport can vouch for. */
export const anyResult = resultOf(z.unknown());

/** One problem of a refused request, worded to stand beside its field in a form. */
export interface FieldProblem {
  readonly field: FieldPath;
  readonly text: string;
}

/** `['ratings', 0, 'stars']` reads `ratings[0].stars`; the empty path is the request itself. */
function pathText(path: FieldPath): string {
  if (path.length === 0) return 'request';
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? key : `.${key}`))
    .join('');
}

function pathOf(issue: z.core.$ZodIssue): FieldPath {
  return issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key));
}

/** Marks a custom issue whose message quotes the value it refuses: see {@link standsAlone}. */
export const quotesValue = { quotesValue: true } as const;

/**
 * The contract's checks say what a field must be ("must be a whole number from 1 to 50") and are
 * read after the field's name; a check that quotes the value it refuses (a Spotify source) says
 * so with {@link quotesValue} in its issue's params, and its message stands alone.
 */
function standsAlone(issue: z.core.$ZodIssue): boolean {
  return issue.code === 'custom' && issue.params?.quotesValue === true;
}

function besideField(issue: z.core.$ZodIssue): string {
  if (standsAlone(issue)) return issue.message;
  const text = issue.message.charAt(0).toUpperCase() + issue.message.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

function withField(issue: z.core.$ZodIssue): string {
  return standsAlone(issue) ? issue.message : `${pathText(pathOf(issue))} ${issue.message}`;
}

/**
 * A refused request as the contract reports it: one `invalid-request` about the first field at
 * fault (every problem of that field, one a line), and each problem worded for a form.
 */
export function describeInvalid(error: z.ZodError): {
  readonly error: ApiError;
  readonly problems: readonly FieldProblem[];
} {
  const issues = error.issues;
  const first = issues[0];
  const key = first === undefined ? undefined : pathOf(first)[0];
  const group = issues.filter((issue) => pathOf(issue)[0] === key);
  const field =
    group.length === 1 && first !== undefined
      ? pathOf(first)
      : key === undefined
        ? undefined
        : [key];
  return {
    error: {
      code: 'invalid-request',
      message: group.map(withField).join('\n') || 'The request is not valid.',
      ...(field === undefined || field.length === 0 ? {} : { field }),
    },
    problems: issues.map((issue) => ({ field: pathOf(issue), text: besideField(issue) })),
  };
}
