/**
 * The taste start: genres, decades and artists a listener says they like (and genres they
 * dislike) before or instead of rating. The first round draws from them and the picks use them
 * as a prior until the listener's own ratings outweigh it (see main/core/app/taste/).
 */
import { strictRequest } from './checks.ts';
import { limits } from './limits.ts';
import { z } from './zod.ts';

const namesError = `must be a list of at most ${limits.tasteChoices.max} names`;
const names = z
  .array(z.string({ error: namesError }).trim().min(1, { error: namesError }).max(200), {
    error: namesError,
  })
  .max(limits.tasteChoices.max, { error: namesError })
  .readonly();

const decadesError = 'must be a list of decades, such as 1970 for the 1970s';
const decades = z
  .array(z.int({ error: decadesError }).min(1900, { error: decadesError }).max(2090), {
    error: decadesError,
  })
  .max(20, { error: decadesError })
  .refine((list) => list.every((d) => d % 10 === 0), { error: decadesError })
  .readonly();

/** A whole taste: what is given replaces the stored one; `{}` clears it. */
export const tasteRequest = strictRequest({
  likedGenres: names.default([]),
  dislikedGenres: names.default([]),
  /** Decades liked, as their first year (1970 for the 1970s). */
  decades: decades.default([]),
  /** Artists liked, as the catalog names them. */
  artists: names.default([]),
  /** The listener chose to skip the taste start: it is not offered on its own again. */
  skipped: z.boolean({ error: 'must be true or false' }).default(false),
});
export type TasteRequest = z.input<typeof tasteRequest>;
export type Taste = z.output<typeof tasteRequest>;

const choice = z.object({ name: z.string(), songs: z.number() });

export const tasteView = z.object({
  taste: z.object({
    likedGenres: z.array(z.string()).readonly(),
    dislikedGenres: z.array(z.string()).readonly(),
    decades: z.array(z.number()).readonly(),
    artists: z.array(z.string()).readonly(),
    skipped: z.boolean(),
  }),
  /** What the catalog offers, with how many songs each has, most first. */
  choices: z.object({
    genres: z.array(choice).readonly(),
    decades: z.array(z.object({ decade: z.number(), songs: z.number() })).readonly(),
    artists: z.array(choice).readonly(),
  }),
  /** True on a first run: no ratings, no taste given, never skipped. */
  shouldAsk: z.boolean(),
});
export type TasteView = z.infer<typeof tasteView>;
