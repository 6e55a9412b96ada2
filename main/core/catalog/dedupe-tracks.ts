import type { SpotifyTrack } from './clean-track.ts';

export interface DedupeResult {
  readonly tracks: SpotifyTrack[];
  readonly duplicateId: number;
  readonly duplicateIsrc: number;
  readonly duplicateRecording: number;
}

const albumTypeRank: Readonly<Record<string, string>> = {
  album: '0',
  single: '1',
  compilation: '2',
};

interface Candidate {
  track: SpotifyTrack;
  /** Genre tags gathered from duplicates, when there were any beyond the track's own. */
  extraGenres: string[] | undefined;
}

/**
 * Which of two releases of one recording to keep, as a string that sorts first for the better
 * one: the original rather than a compilation, the earliest release, one with an ISRC; the
 * Spotify id breaks ties. A total order, so the same set of tracks keeps the same survivors
 * whatever order they were fetched in. (One string per track sorts far faster than a
 * comparator reading five fields.)
 */
function preference(track: SpotifyTrack): string {
  const rank = albumTypeRank[track.albumType ?? ''] ?? '3';
  const date = (track.releaseDate ?? '9999').padEnd(10, '~');
  return `${rank}${date}${track.isrc === undefined ? '1' : '0'}${track.spotifyId}`;
}

function addGenres(candidate: Candidate, genres: readonly string[]): void {
  if (genres.length === 0) return;
  candidate.extraGenres = [...(candidate.extraGenres ?? []), ...genres];
}

/** Same Spotify id: one track. The newer fetch wins; genre tags from both are kept. */
function mergeById(tracks: readonly SpotifyTrack[]): Map<string, Candidate> {
  const byId = new Map<string, Candidate>();
  for (const track of tracks) {
    const seen = byId.get(track.spotifyId);
    if (seen === undefined) {
      byId.set(track.spotifyId, { track, extraGenres: undefined });
      continue;
    }
    const older = (track.fetchedAt ?? 0) > (seen.track.fetchedAt ?? 0) ? seen.track : track;
    if (older === seen.track) seen.track = track;
    addGenres(seen, older.genres);
  }
  return byId;
}

function withGenres({ track, extraGenres }: Candidate): SpotifyTrack {
  if (extraGenres === undefined) return track;
  return { ...track, genres: [...new Set([...track.genres, ...extraGenres])].sort() };
}

/**
 * De-duplicates cleaned tracks by Spotify id, then ISRC, then recording (normalised title and
 * primary artist). A dropped duplicate's genre tags go to the track that stays, and its keys
 * point to that track too, so a chain (A shares an ISRC with B, B a title with C) is one group.
 */
export function dedupeTracks(tracks: readonly SpotifyTrack[]): DedupeResult {
  const byId = mergeById(tracks);
  const ranked = [...byId.values()].map((candidate) => ({
    candidate,
    key: preference(candidate.track),
  }));
  ranked.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const byIsrc = new Map<string, Candidate>();
  const byRecording = new Map<string, Candidate>();
  const kept: Candidate[] = [];
  let duplicateIsrc = 0;
  let duplicateRecording = 0;
  for (const { candidate } of ranked) {
    const { isrc, recordingKey } = candidate.track;
    const sameIsrc = isrc === undefined ? undefined : byIsrc.get(isrc);
    const sameRecording = byRecording.get(recordingKey);
    const survivor = sameIsrc ?? sameRecording;
    if (survivor === undefined) kept.push(candidate);
    else {
      if (sameIsrc !== undefined) duplicateIsrc++;
      else duplicateRecording++;
      addGenres(survivor, candidate.track.genres);
      addGenres(survivor, candidate.extraGenres ?? []);
    }
    const owner = survivor ?? candidate;
    if (isrc !== undefined && sameIsrc === undefined) byIsrc.set(isrc, owner);
    if (sameRecording === undefined) byRecording.set(recordingKey, owner);
  }
  return {
    tracks: kept.map(withGenres),
    duplicateId: tracks.length - byId.size,
    duplicateIsrc,
    duplicateRecording,
  };
}
