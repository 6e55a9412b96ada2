/**
 * Listening-history entries written by the project itself, field for field as the services
 * document their exports (no real person's data): Spotify's Extended streaming history and
 * account-data history, ListenBrainz listens, Last.fm scrobble CSV lines.
 */

export interface PlaySpec {
  readonly title: string;
  readonly artist: string;
  readonly album?: string;
  /** Unix seconds. */
  readonly at: number;
  readonly msPlayed?: number;
  readonly spotifyId?: string;
  readonly isrc?: string;
  readonly skipped?: boolean;
  readonly reasonEnd?: string;
}

function iso(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace(/\.000Z$/, 'Z');
}

/** One `Streaming_History_Audio_*.json` entry with every field Spotify lists. */
export function extendedEntry(play: PlaySpec): Record<string, unknown> {
  return {
    ts: iso(play.at),
    platform: 'linux',
    ms_played: play.msPlayed ?? 200_000,
    conn_country: 'NL',
    ip_addr: '192.0.2.1',
    master_metadata_track_name: play.title,
    master_metadata_album_artist_name: play.artist,
    master_metadata_album_album_name: play.album ?? 'Album',
    spotify_track_uri: play.spotifyId === undefined ? null : `spotify:track:${play.spotifyId}`,
    episode_name: null,
    episode_show_name: null,
    spotify_episode_uri: null,
    audiobook_title: null,
    audiobook_uri: null,
    audiobook_chapter_uri: null,
    audiobook_chapter_title: null,
    reason_start: 'clickrow',
    reason_end: play.reasonEnd ?? 'trackdone',
    shuffle: false,
    skipped: play.skipped ?? false,
    offline: false,
    offline_timestamp: null,
    incognito_mode: false,
  };
}

/** A podcast episode in the Extended history: no track fields. */
export function extendedEpisode(at: number): Record<string, unknown> {
  return {
    ...extendedEntry({ title: '', artist: '', at }),
    master_metadata_track_name: null,
    master_metadata_album_artist_name: null,
    master_metadata_album_album_name: null,
    episode_name: 'Episode 12',
    episode_show_name: 'A Show',
    spotify_episode_uri: 'spotify:episode:0000000000000000000001',
  };
}

/** One `StreamingHistory_music_*.json` entry (account data: minute precision, UTC). */
export function accountEntry(play: PlaySpec): Record<string, unknown> {
  return {
    endTime: iso(play.at).slice(0, 16).replace('T', ' '),
    artistName: play.artist,
    trackName: play.title,
    msPlayed: play.msPlayed ?? 200_000,
  };
}

/** One ListenBrainz listen as its export writes it. */
export function listen(play: PlaySpec): Record<string, unknown> {
  return {
    listened_at: play.at,
    recording_msid: '3bd0f1bc-0f22-4f2c-8d0e-57a6c1b0b1a1',
    track_metadata: {
      artist_name: play.artist,
      track_name: play.title,
      release_name: play.album ?? null,
      additional_info: {
        ...(play.spotifyId === undefined
          ? {}
          : { spotify_id: `https://open.spotify.com/track/${play.spotifyId}` }),
        ...(play.isrc === undefined ? {} : { isrc: play.isrc }),
        recording_mbid: 'b1a9c0e9-d987-4042-ae91-78d6a3267d69',
        submission_client: 'fixture',
      },
    },
  };
}

const monthNames = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
];

/** One Last.fm scrobble as CSV: artist, album, title, "31 Jan 2021 14:05". */
export function scrobbleLine(play: PlaySpec): string {
  const d = new Date(play.at * 1000);
  const two = (n: number): string => String(n).padStart(2, '0');
  const date = `${two(d.getUTCDate())} ${monthNames[d.getUTCMonth()]} ${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
  const field = (text: string): string =>
    /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  return [play.artist, play.album ?? '', play.title, date].map(field).join(',');
}
