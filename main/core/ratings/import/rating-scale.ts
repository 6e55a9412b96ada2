import { parseDecimal } from './strict-number.ts';

/** The lowest and highest rating a file uses, as Surprise's `Reader(rating_scale=…)`. */
export interface RatingScale {
  readonly min: number;
  readonly max: number;
}

/** Surprise's default and the app's star control: whole stars 1–5 (halves allowed in files). */
export const defaultScale: RatingScale = { min: 1, max: 5 };
/** MovieLens `ratings.csv` (ml-latest, ml-25M, ml-32M …): half stars from 0.5 to 5. */
export const halfStarScale: RatingScale = { min: 0.5, max: 5 };
/**
 * What the store keeps: 0.5–5, the widest star scale. A file whose scale lies inside it is
 * stored exactly as written; any other scale (1–10, 0–100, Jester's −10–10) is mapped linearly
 * onto it, so 1–10 becomes 0.5–5 as half stars (x / 2) and nothing is rounded.
 */
export const storedScale: RatingScale = { min: halfStarScale.min, max: halfStarScale.max };

/** `"0.5,5"` → { min: 0.5, max: 5 }; anything but two increasing decimals is an error message. */
export function parseScale(text: string): RatingScale | string {
  const parts = text.split(',').map((part) => parseDecimal(part.trim()));
  const [min, max] = parts;
  if (parts.length !== 2 || min === undefined || max === undefined || !(min < max))
    return `--scale must be MIN,MAX with MIN < MAX (e.g. 0.5,5), got "${text}"`;
  return { min, max };
}

export function isWithin(inner: RatingScale, outer: RatingScale): boolean {
  return inner.min >= outer.min && inner.max <= outer.max;
}

/** A function taking ratings on `scale` to the store's scale (the identity when it fits). */
export function toStoredScale(scale: RatingScale): (rating: number) => number {
  if (isWithin(scale, storedScale)) return (rating) => rating;
  const factor = (storedScale.max - storedScale.min) / (scale.max - scale.min);
  return (rating) => storedScale.min + (rating - scale.min) * factor;
}

export function formatScale(scale: RatingScale): string {
  return `${scale.min}–${scale.max}`;
}
