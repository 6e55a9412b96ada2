import { cleanTrack } from '../../catalog/clean-track.ts';
import { cleanTracks } from '../../catalog/clean-tracks.ts';
import { mergeSums } from '../../ratings/history/strength.ts';
import type { PlaySums } from '../../ratings/history/strength.ts';
import type { SignalRow } from '../../store/signal-repository.ts';
import type { Store } from '../../store/store.ts';
import type { TrackIdentity } from '../../store/track-repository.ts';
import { localListenerId } from '../../store/user-repository.ts';
import { joinCatalog } from '../join-catalog.ts';
import type { JoinSummary } from '../join-catalog.ts';
import { listeningKinds } from './library-read.ts';
import type { LibraryItem, LibraryRead, ListeningKind } from './library-read.ts';
import type { TasteWeights } from './taste-weights.ts';

export interface ListeningImportSummary {
  /** Items read per kind (a top track of three time ranges counts three times). */
  readonly read: Readonly<Record<ListeningKind, number>>;
  readonly playlists: number;
  /** What joining the tracks did to the catalog (through the crawler's cleaner). */
  readonly catalog: JoinSummary;
  /** Songs that now carry a signal from the account. */
  readonly tracks: number;
  /** Items that were not songs Earshot can use (local files, podcasts, removed tracks). */
  readonly skipped: number;
}

/** Finds the stored track of a cleaned Spotify track: by id, then ISRC, then recording. */
function indexStored(rows: readonly TrackIdentity[]) {
  const by = (pick: (row: TrackIdentity) => string | null): Map<string, number> => {
    const map = new Map<string, number>();
    for (const row of rows) {
      const key = pick(row);
      if (key !== null && !map.has(key)) map.set(key, row.id);
    }
    return map;
  };
  const ids = by((row) => row.spotifyId);
  const isrcs = by((row) => row.isrc);
  const recordings = by((row) => row.dedupeKey);
  return (track: { spotifyId: string; isrc?: string | undefined; recordingKey: string }) =>
    ids.get(track.spotifyId) ??
    (track.isrc === undefined ? undefined : isrcs.get(track.isrc)) ??
    recordings.get(track.recordingKey);
}

/**
 * One kind of listening as play sums: `weight` full plays at `at` (now for top tracks). Each
 * kind counts once per song, except recent plays, which count once per play.
 */
function sumsOf(weight: number, at: number): PlaySums {
  return {
    plays: Math.max(1, Math.round(weight)),
    skips: 0,
    listened: weight,
    listenedRecent: weight,
    lastPlayedAt: at,
  };
}

/** Per stored track, the merged sums of every kind it appears under. */
function accountSignals(
  matched: readonly { trackId: number; kind: ListeningKind; at: number | undefined }[],
  weights: TasteWeights,
  nowSeconds: number,
): SignalRow[] {
  const counted = new Set<string>();
  const sums = new Map<number, PlaySums>();
  for (const { trackId, kind, at } of matched) {
    const weight = weights[kind];
    const onceKey = `${trackId}:${kind}`;
    if (weight <= 0 || (kind !== 'recent' && counted.has(onceKey))) continue;
    counted.add(onceKey);
    const entry = sumsOf(weight, Math.min(at ?? nowSeconds, nowSeconds));
    const seen = sums.get(trackId);
    sums.set(trackId, seen ? mergeSums(seen, entry) : entry);
  }
  return [...sums].map(([trackId, s]) => ({ trackId, ...s }));
}

/**
 * Turns what an account says into catalog tracks and taste: every track object goes through
 * the crawler's cleaner and joins the catalog (enriching an embedded song of the same
 * recording), then each song gets the account's signal for the local listener, replacing the
 * account's earlier one. Imported listening history is kept apart and merged when read.
 */
export function importListening(
  store: Store,
  library: LibraryRead,
  weights: TasteWeights,
  nowSeconds: number,
): ListeningImportSummary {
  const read = Object.fromEntries(listeningKinds.map((k) => [k, 0])) as Record<
    ListeningKind,
    number
  >;
  for (const item of library.items) read[item.kind]++;
  const cleaned = cleanTracks(
    library.items.map((item) => ({ track: item.track, fetchedAt: nowSeconds })),
  );
  const catalog = joinCatalog(store, cleaned.tracks);
  const find = indexStored(store.tracks.identities());
  const matched: { trackId: number; kind: ListeningKind; at: number | undefined }[] = [];
  let skipped = 0;
  for (const item of library.items as readonly LibraryItem[]) {
    const clean = cleanTrack(item.track, nowSeconds, undefined);
    const trackId = clean.ok ? find(clean.track) : undefined;
    if (trackId === undefined) skipped++;
    else matched.push({ trackId, kind: item.kind, at: item.at });
  }
  const signals = accountSignals(matched, weights, nowSeconds);
  const userId = store.users.ensure('local', localListenerId);
  store.signals.replaceAccountSignals(userId, signals);
  return { read, playlists: library.playlists, catalog, tracks: signals.length, skipped };
}
