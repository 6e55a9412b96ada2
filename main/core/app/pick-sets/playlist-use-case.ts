import type {
  ExportedPlaylist,
  PlaylistFormat,
  PlaylistSource,
  RecommendationView,
  RecommendResponse,
} from '../../contract/index.ts';
import { playlistFiles } from '../../export/playlists/playlist.ts';
import type { Playlist, PlaylistEntry } from '../../export/playlists/playlist.ts';
import { renderPlaylist } from '../../export/playlists/render-playlist.ts';
import type { LocalListener } from '../local-listener.ts';
import { ServiceError } from '../service-error.ts';
import type { SongPool } from '../song-pool.ts';
import { toTrackView } from '../track-view.ts';
import { showPickSet } from './pick-set-views.ts';

/** The lowest stars of a song the listener "loved". */
const lovedStars = 4;

export interface PlaylistDeps {
  readonly pool: SongPool;
  readonly listener: LocalListener;
  /** The listener's current picks, as `recommend` answers them. */
  readonly recommend: () => Promise<RecommendResponse>;
}

/** One song with what the formats carry beyond the screens: its length and Spotify URI. */
function entryOf(pool: SongPool, trackId: number, note: string | null): PlaylistEntry {
  const track = pool.tracks().get(trackId);
  if (track === undefined)
    throw new ServiceError('not-found', `There is no song with id ${trackId}.`);
  const stored = pool.store.tracks.input(trackId);
  const view = toTrackView(track);
  return {
    title: track.title,
    artists: track.artists,
    album: track.album,
    durationMs: stored.durationMs ?? null,
    spotifyUrl: view.spotifyUrlIsSearch ? null : view.spotifyUrl,
    spotifyUri: stored.spotifyId === undefined ? null : `spotify:track:${stored.spotifyId}`,
    searchUrl: view.spotifyUrl,
    imageUrl: track.imageUrl,
    note,
  };
}

/** "Predicted 4.6★ · because you liked Heroes", as the picks say it. */
function pickNote(pick: RecommendationView): string {
  const reason = pick.reasons.find((r) => r.kind !== 'disliked');
  const because =
    reason === undefined
      ? ''
      : reason.kind === 'likedTrait'
        ? ` · because you like ${reason.trait ?? reason.track.title}`
        : ` · because you ${reason.kind === 'played' ? 'often play' : 'liked'} ${reason.track.title}`;
  return `Predicted ${pick.predictedStars.toFixed(1)}★${because}`;
}

function day(unixSeconds: number): string {
  return new Date(unixSeconds * 1000).toISOString().slice(0, 10);
}

async function playlistOf(
  deps: PlaylistDeps,
  from: PlaylistSource,
  now: number,
): Promise<{ playlist: Playlist; name: string }> {
  const { pool, listener } = deps;
  const ofPicks = (picks: readonly RecommendationView[]) =>
    picks.map((pick) => entryOf(pool, pick.track.id, pickNote(pick)));
  if (from === 'picks') {
    const { recommendations } = await deps.recommend();
    const annotation = `Songs Earshot picked for you from ${listener.ratings().length} ratings.`;
    const playlist = { title: 'Earshot picks', annotation, createdAt: now };
    return { playlist: { ...playlist, entries: ofPicks(recommendations) }, name: 'picks' };
  }
  if (from === 'loved') {
    const loved = listener
      .ratings()
      .filter((r) => r.rating >= lovedStars && pool.tracks().has(r.trackId))
      .sort((a, b) => b.rating - a.rating || b.ratedAt - a.ratedAt);
    const entries = loved.map((r) => entryOf(pool, r.trackId, `You gave it ${r.rating}★`));
    const annotation = `The songs you gave ${lovedStars} or 5 stars in Earshot.`;
    const playlist = { title: 'Songs I love', annotation, createdAt: now, entries };
    return { playlist, name: 'loved' };
  }
  const set = showPickSet(pool, listener, from.history);
  const title = `Earshot picks #${set.id} (${day(set.madeAt)})`;
  const annotation = `Songs Earshot picked for you from ${set.ratingCount} ratings.`;
  const playlist = { title, annotation, createdAt: set.madeAt };
  return {
    playlist: { ...playlist, entries: ofPicks(set.recommendations) },
    name: `picks-${set.id}`,
  };
}

/**
 * `exportPlaylist`: the current picks, a past set or the loved songs (4★ and up) as a playlist
 * file in `format`, for the face to save. An empty playlist is `not-found`, named.
 */
export async function exportPlaylist(
  deps: PlaylistDeps,
  request: { from: PlaylistSource; format: PlaylistFormat },
  now = Math.floor(Date.now() / 1000),
): Promise<ExportedPlaylist> {
  const { playlist, name } = await playlistOf(deps, request.from, now);
  if (playlist.entries.length === 0) {
    throw new ServiceError(
      'not-found',
      request.from === 'loved'
        ? `There are no songs you loved yet: rate a song ${lovedStars} or 5 stars first.`
        : 'There are no picks to put in a playlist yet: rate a few songs first.',
    );
  }
  const file = playlistFiles[request.format];
  return {
    fileName: `earshot-${name}-${day(now)}.${file.extension}`,
    mimeType: file.mimeType,
    text: renderPlaylist(playlist, request.format),
    tracks: playlist.entries.length,
  };
}
