import type {
  EarshotEvents,
  ErrorCode,
  HistoryImportSummary,
  RefreshSummary,
} from '../../../preload/api.ts';

/** Text the screens share, so "4.6 ★" and "5 stars" read the same everywhere. */

/**
 * A stored rating as the screens show it: to the nearest half star, within 0.5–5. Imported
 * ratings keep their exact value (3.67 from a 1–10 file); the star control rates whole stars.
 * The terminal (`earshot recommend`) follows the same rule.
 */
function shownStars(stars: number): number {
  return Math.max(0.5, Math.min(5, Math.round(stars * 2) / 2));
}

/** "1 star", "4 stars", "3.5 stars". */
export function starsLabel(stars: number): string {
  const shown = shownStars(stars);
  return shown === 1 ? '1 star' : `${shown} stars`;
}

/** Black stars, a half as "½": 5 → "★★★★★", 3.5 → "★★★½", 0.5 → "½". */
export function starGlyphs(stars: number): string {
  const shown = shownStars(stars);
  return '★'.repeat(Math.floor(shown)) + (shown % 1 === 0 ? '' : '½');
}

/** Predicted stars with one decimal: 4.63 → "4.6". */
export function formatPredicted(stars: number): string {
  return stars.toFixed(1);
}

/** "Queen", "Queen & David Bowie", "A, B & C". */
export function joinArtists(artists: readonly string[]): string {
  if (artists.length <= 1) return artists[0] ?? 'Unknown artist';
  return `${artists.slice(0, -1).join(', ')} & ${artists.at(-1) ?? ''}`;
}

/** "1975 · A Night at the Opera" (year first: a long album title is what gets cut short). */
export function albumLine(album: string | null, year: number | null): string {
  return [year === null ? null : String(year), album].filter((part) => part !== null).join(' · ');
}

/** A heading for an error, by its code; the message underneath says the rest. */
export function errorTitle(code: ErrorCode): string {
  switch (code) {
    case 'unauthorized':
      return 'This page is not connected to Earshot';
    case 'internal':
      return 'Earshot ran into a problem';
    case 'busy':
      return 'Earshot is busy';
    default:
      return 'Something went wrong';
  }
}

/** Refresh data's steps, as the progress panel names them. */
export const refreshSteps = {
  catalog: 'Catalog',
  crawl: 'Spotify',
  ratings: 'Simulated listeners',
  training: 'Training',
} as const satisfies Record<EarshotEvents['pipeline:progress']['step'], string>;

/** "Step 2 of 4 · Spotify". */
export function refreshStepLabel(step: keyof typeof refreshSteps): string {
  const steps = Object.keys(refreshSteps);
  return `Step ${steps.indexOf(step) + 1} of ${steps.length} · ${refreshSteps[step]}`;
}

/** What a finished refresh did, one short sentence a step. */
export function describeRefresh(summary: RefreshSummary): string[] {
  const { inserted, updated } = summary.catalog;
  return [
    `${inserted} new ${inserted === 1 ? 'song' : 'songs'}, ${updated} refreshed.`,
    summary.crawl === 'done' ? 'Spotify crawled.' : 'Spotify skipped.',
    `${summary.ratingsWritten} new simulated ratings.`,
    {
      trained: 'Model retrained.',
      'up-to-date': 'Model already up to date.',
      'no-ratings': 'No ratings to train on.',
    }[summary.training],
    `Took ${summary.seconds.toFixed(1)} s.`,
  ];
}

/** "1 play", "12,345 plays": a count and its noun, singular for exactly one. */
function counted(n: number, noun: string, many = `${noun}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? noun : many}`;
}

/** What a listening-history import found, in one sentence. */
export function describeHistoryImport(summary: HistoryImportSummary): string {
  const { matched, unmatched, tracks, notMusic } = summary;
  const left =
    notMusic > 0
      ? `, ${counted(notMusic, 'podcast or unknown entry', 'podcast or unknown entries')} left out`
      : '';
  return (
    `${counted(summary.plays, 'play')} of ${counted(summary.recordings, 'recording')}: ` +
    `${matched.recordings.toLocaleString('en')} matched (${counted(tracks, 'song')} now ` +
    `${tracks === 1 ? 'carries' : 'carry'} your listening), ` +
    `${unmatched.recordings.toLocaleString('en')} not in the catalog yet${left}.`
  );
}
