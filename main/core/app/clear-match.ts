import type { TrackView } from '../contract/index.ts';

/** Text as a person compares it: no case, accents, apostrophes or punctuation. */
function comparable(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/['’]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** What a person may type to name exactly this song: its title, alone or with its artists. */
function names(track: TrackView): string[] {
  const artists = track.artists.join(' ');
  const primary = track.artists[0] ?? '';
  return [
    track.title,
    `${track.title} ${artists}`,
    `${artists} ${track.title}`,
    `${track.title} ${primary}`,
    `${primary} ${track.title}`,
  ].map(comparable);
}

/**
 * The one song a search names, if it names one: the only result, or the only result whose
 * title (alone, or with its artists before or after) is exactly the query. "hallelujah" with
 * two songs of that title names neither; "hallelujah jeff buckley" names one.
 */
export function clearMatch(query: string, results: readonly TrackView[]): TrackView | undefined {
  if (results.length === 1) return results[0];
  const wanted = comparable(query);
  const exact = results.filter((track) => names(track).includes(wanted));
  return exact.length === 1 ? exact[0] : undefined;
}
