import { joinArtists } from './format.ts';

/** What a card says about a song beyond its title: its genres as tags, and its name in full. */

/** Tags a card shows before it sums up the rest as "+N": three fit one line of a narrow card. */
const shownGenreCount = 3;

export interface GenreTags {
  /** The first genres, in the order the core lists them. */
  readonly shown: readonly string[];
  /** How many more there are: drawn as "+N". */
  readonly more: number;
  /** Every genre in one phrase, for the accessible name and the tooltip: "Genres: rock, pop". */
  readonly label: string;
}

/** The tags for `genres`, at most `max` of them plus a count of the rest. */
export function genreTags(genres: readonly string[], max = shownGenreCount): GenreTags {
  const shown = genres.slice(0, max);
  const label =
    genres.length === 0 ? '' : `${genres.length === 1 ? 'Genre' : 'Genres'}: ${genres.join(', ')}`;
  return { shown, more: genres.length - shown.length, label };
}

/** “Hey Jude” by The Beatles: a song named so it can't be mistaken for another. */
export function songName(track: {
  readonly title: string;
  readonly artists: readonly string[];
}): string {
  return `“${track.title}” by ${joinArtists(track.artists)}`;
}

/** The cover's alternative text: it shows the album, or the single, the song is from. */
export function coverAlt(title: string, album: string | null): string {
  return album === null ? `Cover of “${title}”` : `Cover of the album “${album}”`;
}
