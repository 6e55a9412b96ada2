import { cleanTrack, dropReasons } from './clean-track.ts';
import type { DropReason, SpotifyTrack } from './clean-track.ts';
import { dedupeTracks } from './dedupe-tracks.ts';

/** A raw Spotify track object with what the crawl knows about it. */
export interface RawTrackInput {
  readonly track: unknown;
  /** Unix seconds when Spotify served it. */
  readonly fetchedAt?: number | undefined;
  /** Tags from the sources that found it (a `genre:jazz` search tags `jazz`). */
  readonly genres?: readonly string[] | undefined;
}

export interface CleanSummary {
  readonly tracks: SpotifyTrack[];
  /** How many raw objects were dropped, per reason; every reason is present. */
  readonly dropped: Record<DropReason, number>;
}

export function emptyDropCounts(): Record<DropReason, number> {
  return Object.fromEntries(dropReasons.map((reason) => [reason, 0])) as Record<DropReason, number>;
}

/**
 * Raw track objects to tracks: drops local files and objects missing essentials, then
 * de-duplicates by Spotify id, ISRC and recording, counting every drop by its reason.
 */
export function cleanTracks(raws: Iterable<RawTrackInput>): CleanSummary {
  const dropped = emptyDropCounts();
  const valid: SpotifyTrack[] = [];
  for (const raw of raws) {
    const result = cleanTrack(raw.track, raw.fetchedAt, raw.genres);
    if (result.ok) valid.push(result.track);
    else dropped[result.reason]++;
  }
  const deduped = dedupeTracks(valid);
  dropped['duplicate-id'] += deduped.duplicateId;
  dropped['duplicate-isrc'] += deduped.duplicateIsrc;
  dropped['duplicate-recording'] += deduped.duplicateRecording;
  return { tracks: deduped.tracks, dropped };
}
