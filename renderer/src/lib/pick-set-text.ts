import type { PickSetChanges } from '../../../preload/api.ts';
import { starGlyphs } from './format.ts';

/** "1 Jun 2025, 14:03" in the listener's language and time zone. */
export function formatMadeAt(unixSeconds: number, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(unixSeconds * 1000),
  );
}

/** "1 Jun 2025": the day alone, as a past set's playlist is named. */
export function formatMadeOn(unixSeconds: number, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(
    new Date(unixSeconds * 1000),
  );
}

function andMore(names: readonly string[], total: number): string {
  const rest = total - names.length;
  const list = rest > 0 ? [...names, `${rest} more`] : [...names];
  if (list.length <= 1) return list[0] ?? '';
  return `${list.slice(0, -1).join(', ')} and ${list.at(-1) ?? ''}`;
}

/**
 * What led to a set, one sentence: "Made from 12 ratings, after you rated Heroes ★★★★★ and
 * Imagine ★★★★." The terminal's `earshot history` says the same.
 */
export function describeSet(ratingCount: number, changes: PickSetChanges): string {
  const parts = [`Made from ${ratingCount} ${ratingCount === 1 ? 'rating' : 'ratings'}`];
  if (changes.ratedCount > 0) {
    const names = changes.rated.map((r) => `${r.track.title} ${starGlyphs(r.stars)}`);
    parts.push(`after you rated ${andMore(names, changes.ratedCount)}`);
  }
  if (changes.hiddenCount > 0) {
    const names = changes.hidden.map((t) => t.title);
    parts.push(
      `${changes.ratedCount > 0 ? 'and' : 'after'} you were not interested in ${andMore(names, changes.hiddenCount)}`,
    );
  }
  if (changes.removed > 0) parts.push(`after Start over`);
  return `${parts.join(', ')}.`;
}
