import type { SpotifyTrack } from './clean-track.ts';
import { recordingKey } from './normalise.ts';

/** A kept track with the key it is matched on against the catalog. */
export interface DedupedTrack extends SpotifyTrack {
  /** Normalised title and primary artist (see `recordingKey`). */
  readonly recordingKey: string;
}

export interface DedupeResult {
  readonly tracks: DedupedTrack[];
  readonly duplicateId: number;
  readonly duplicateIsrc: number;
  readonly duplicateRecording: number;
}

const albumTypeRank: Readonly<Record<string, number>> = { album: 0, single: 1, compilation: 2 };

interface Candidate {
  track: SpotifyTrack;
  key: string;
  genres: Set<string>;
}

/**
 * Which of two releases of one recording to keep: the original rather than a compilation,
 * the earliest release, one with an ISRC; the Spotify id breaks ties. A total order, so the
 * same set of tracks gives the same survivors whatever order they were fetched in.
 */
function compareCandidates(a: Candidate, b: Candidate): number {
  const rankA = albumTypeRank[a.track.albumType ?? ''] ?? 3;
  const rankB = albumTypeRank[b.track.albumType ?? ''] ?? 3;
  if (rankA !== rankB) return rankA - rankB;
  const dateA = a.track.releaseDate ?? '9999';
  const dateB = b.track.releaseDate ?? '9999';
  if (dateA !== dateB) return dateA < dateB ? -1 : 1;
  const isrcA = a.track.isrc === undefined ? 1 : 0;
  const isrcB = b.track.isrc === undefined ? 1 : 0;
  if (isrcA !== isrcB) return isrcA - isrcB;
  return a.track.spotifyId < b.track.spotifyId ? -1 : a.track.spotifyId > b.track.spotifyId ? 1 : 0;
}

/** Same Spotify id: one track. The newer fetch wins; genre tags from both are kept. */
function mergeById(tracks: readonly SpotifyTrack[]): {
  candidates: Candidate[];
  duplicates: number;
} {
  const byId = new Map<string, Candidate>();
  for (const track of tracks) {
    const seen = byId.get(track.spotifyId);
    if (seen === undefined) {
      const key = recordingKey(track.title, track.artists[0]?.name ?? '');
      byId.set(track.spotifyId, { track, key, genres: new Set(track.genres) });
      continue;
    }
    for (const genre of track.genres) seen.genres.add(genre);
    if ((track.fetchedAt ?? 0) > (seen.track.fetchedAt ?? 0)) {
      seen.track = track;
      seen.key = recordingKey(track.title, track.artists[0]?.name ?? '');
    }
  }
  return { candidates: [...byId.values()], duplicates: tracks.length - byId.size };
}

/**
 * De-duplicates cleaned tracks by Spotify id, then ISRC, then recording (normalised title and
 * primary artist). A dropped duplicate's genre tags go to the track that stays, and its keys
 * point to that track too, so a chain (A shares an ISRC with B, B a title with C) is one group.
 */
export function dedupeTracks(tracks: readonly SpotifyTrack[]): DedupeResult {
  const { candidates, duplicates: duplicateId } = mergeById(tracks);
  candidates.sort(compareCandidates);
  const byIsrc = new Map<string, Candidate>();
  const byRecording = new Map<string, Candidate>();
  const kept: Candidate[] = [];
  let duplicateIsrc = 0;
  let duplicateRecording = 0;
  for (const candidate of candidates) {
    const { isrc } = candidate.track;
    const sameIsrc = isrc === undefined ? undefined : byIsrc.get(isrc);
    const survivor = sameIsrc ?? byRecording.get(candidate.key);
    if (survivor === undefined) kept.push(candidate);
    else {
      if (sameIsrc !== undefined) duplicateIsrc++;
      else duplicateRecording++;
      for (const genre of candidate.genres) survivor.genres.add(genre);
    }
    const owner = survivor ?? candidate;
    if (isrc !== undefined && !byIsrc.has(isrc)) byIsrc.set(isrc, owner);
    if (!byRecording.has(candidate.key)) byRecording.set(candidate.key, owner);
  }
  return {
    tracks: kept.map(({ track, key, genres }) => ({
      ...track,
      genres: [...genres].sort(),
      recordingKey: key,
    })),
    duplicateId,
    duplicateIsrc,
    duplicateRecording,
  };
}
