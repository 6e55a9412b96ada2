import type { SpotifyTrack } from '../catalog/clean-track.ts';
import { artistKey } from '../catalog/normalise.ts';
import type { TrackInput } from '../catalog/track.ts';
import type { Store } from '../store/store.ts';
import type { TrackIdentity } from '../store/track-repository.ts';

/** What joining crawled tracks did to the catalog. */
export interface JoinSummary {
  /** New Spotify tracks. */
  readonly added: number;
  /** Embedded-catalog tracks of the same recording, given Spotify's metadata. */
  readonly enriched: number;
  /** Spotify tracks already in the store, refreshed. */
  readonly updated: number;
  /** Another release of a recording the store already has from Spotify; left out. */
  readonly duplicates: number;
}

interface Index {
  bySpotifyId: Map<string, TrackIdentity>;
  byIsrc: Map<string, TrackIdentity>;
  byRecording: Map<string, TrackIdentity>;
}

/** Where a crawled track could already be; a catalog row wins a tie on ISRC or recording. */
function indexTracks(rows: readonly TrackIdentity[]): Index {
  const index: Index = { bySpotifyId: new Map(), byIsrc: new Map(), byRecording: new Map() };
  const add = (map: Map<string, TrackIdentity>, key: string | null, row: TrackIdentity): void => {
    if (key === null) return;
    const seen = map.get(key);
    if (seen === undefined || (seen.source !== 'catalog' && row.source === 'catalog'))
      map.set(key, row);
  };
  for (const row of rows) {
    add(index.bySpotifyId, row.spotifyId, row);
    add(index.byIsrc, row.isrc, row);
    add(index.byRecording, row.dedupeKey, row);
  }
  return index;
}

/**
 * An embedded-catalog track keeps what the catalog curates (key, title, artists, year, genres,
 * album) and gains what Spotify knows. Spotify's release details are taken only when its year
 * agrees: a 2011 remaster's date would contradict the catalog's original year.
 */
function enrichCatalogTrack(catalog: TrackInput, crawled: SpotifyTrack): TrackInput {
  const sameRelease = catalog.year === undefined || catalog.year === crawled.year;
  const artistIds = new Map(crawled.artists.map((a) => [artistKey(a.name), a.spotifyId]));
  return {
    ...catalog,
    artists: catalog.artists.map((a) => ({
      name: a.name,
      spotifyId: a.spotifyId ?? artistIds.get(artistKey(a.name)),
    })),
    genres: [...new Set([...catalog.genres, ...crawled.genres])].sort(),
    album: catalog.album ?? (sameRelease ? crawled.album : undefined),
    albumType: catalog.albumType ?? (sameRelease ? crawled.albumType : undefined),
    year: catalog.year ?? crawled.year,
    releaseDate: catalog.releaseDate ?? (sameRelease ? crawled.releaseDate : undefined),
    releaseDatePrecision:
      catalog.releaseDatePrecision ?? (sameRelease ? crawled.releaseDatePrecision : undefined),
    durationMs: crawled.durationMs ?? catalog.durationMs,
    explicit: crawled.explicit ?? catalog.explicit,
    isrc: crawled.isrc ?? catalog.isrc,
    spotifyId: crawled.spotifyId,
    spotifyUrl: crawled.spotifyUrl,
    imageUrl: catalog.imageUrl ?? crawled.imageUrl,
    popularity: crawled.popularity,
    marketCount: crawled.marketCount,
    fetchedAt: crawled.fetchedAt,
  };
}

/**
 * Writes cleaned tracks into the catalog in one transaction. A track already stored under its
 * Spotify id is refreshed; one that is the same recording (ISRC, or normalised title and
 * primary artist) as an embedded-catalog track enriches that track instead of duplicating it;
 * one that is another release of a Spotify track already stored is left out, so the stored
 * row (and any rating of it) stays put. Everything else is added with `itemKey` = Spotify id.
 */
export function joinCatalog(store: Store, tracks: readonly SpotifyTrack[]): JoinSummary {
  return store.transaction(() => {
    const index = indexTracks(store.tracks.identities());
    const claimed = new Set<number>();
    const writes: TrackInput[] = [];
    let added = 0;
    let enriched = 0;
    let updated = 0;
    for (const track of tracks) {
      const match =
        index.bySpotifyId.get(track.spotifyId) ??
        (track.isrc === undefined ? undefined : index.byIsrc.get(track.isrc)) ??
        index.byRecording.get(track.recordingKey);
      if (match === undefined) {
        writes.push(track);
        added++;
      } else if (claimed.has(match.id) || !canTake(match, track)) continue;
      else if (match.source === 'catalog') {
        writes.push(enrichCatalogTrack(store.tracks.input(match.id), track));
        enriched++;
      } else {
        writes.push({ ...track, itemKey: match.itemKey });
        updated++;
      }
      if (match !== undefined) claimed.add(match.id);
    }
    store.tracks.upsertMany(writes);
    return { added, enriched, updated, duplicates: tracks.length - writes.length };
  });
}

/** A stored row takes a crawled track when it has no Spotify id yet or has this one. */
function canTake(row: TrackIdentity, track: SpotifyTrack): boolean {
  return row.spotifyId === null ? row.source === 'catalog' : row.spotifyId === track.spotifyId;
}
