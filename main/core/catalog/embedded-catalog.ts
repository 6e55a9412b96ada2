import { fileURLToPath } from 'node:url';
import type { Store } from '../store/store.ts';
import type { UpsertSummary } from '../store/track-repository.ts';
import { readCatalogFile } from './catalog-file.ts';
import type { CatalogEntry } from './catalog-file.ts';
import { catalogItemKey } from './normalise.ts';
import type { TrackInput } from './track.ts';

/**
 * The embedded catalog shipped in `resources/catalog/`. The packaged app passes its own
 * resources path; from a checkout the file is found relative to this module.
 */
export const defaultCatalogPath = fileURLToPath(
  new URL('../../../resources/catalog/catalog.json', import.meta.url),
);

function catalogEntryToTrack(entry: CatalogEntry): TrackInput {
  return {
    itemKey: catalogItemKey(entry.title, entry.artists[0] ?? ''),
    source: 'catalog',
    title: entry.title,
    artists: entry.artists.map((name) => ({ name })),
    genres: entry.genres,
    album: entry.album,
    year: entry.year,
  };
}

/** Writes the embedded catalog into the store (new tracks added, known ones refreshed). */
export function loadEmbeddedCatalog(store: Store, path = defaultCatalogPath): UpsertSummary {
  const tracks = readCatalogFile(path).map(catalogEntryToTrack);
  return store.tracks.upsertMany(tracks);
}
