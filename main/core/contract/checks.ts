/**
 * The building blocks of the request schemas. Each check words its refusal as what the field
 * must be, read after the field's name: "count must be a whole number from 1 to 50".
 */
import { limits } from './limits.ts';
import type { NumberRange } from './limits.ts';
import { z } from './zod.ts';

/** A number within `range` (and whole, when the range says so). */
export function numberIn(range: NumberRange) {
  const error = `must be ${range.isWhole ? 'a whole number' : 'a number'} from ${range.min} to ${range.max}`;
  const number = z.number({ error }).min(range.min, { error }).max(range.max, { error });
  return range.isWhole ? number.int({ error }) : number;
}

const trackIdError = 'must be a track id (a whole number from 1)';
export const trackId = z.int({ error: trackIdError }).min(1, { error: trackIdError });

const trackIdsError = `must be a list of at most ${limits.excludedTracks.max} track ids`;
export const trackIds = z
  .array(trackId, { error: trackIdsError })
  .max(limits.excludedTracks.max, { error: trackIdsError })
  .readonly();

/** An object with exactly these fields (each may still be optional): a typo is refused, not lost. */
export function strictRequest<Shape extends z.ZodRawShape>(shape: Shape) {
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `has an unknown field "${issue.keys[0] ?? ''}"`
        : 'must be an object',
  });
}

/** Omits the fields given as `undefined`, so a partial change never overwrites with nothing. */
function definedOnly<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}

/**
 * A request whose every field is optional: leaving it out (or sending `null`) is the empty one.
 * Fields sent as `undefined` are dropped.
 */
export function optionalRequest<Shape extends z.ZodRawShape>(shape: Shape) {
  const request = strictRequest(shape);
  return request.nullish().transform((value) => definedOnly(value ?? request.parse({})));
}

/** Nothing the preload or a page would send: `undefined`, `null` or `{}`. */
function isNothing(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  return typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0;
}

/**
 * The request of a method that takes none. The preload sends `undefined` and `earshot serve`'s
 * page `{}`; `null` is the same nothing. Anything else is a caller that does not follow the
 * contract, refused in every face alike.
 */
export const noRequest = z
  .custom<undefined>(isNothing, { error: 'must be empty: this method takes no request' })
  .transform(() => undefined);
