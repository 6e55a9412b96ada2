import { describe, expect, it } from 'vitest';
import { cleanTrack } from '../../../main/core/catalog/clean-track.ts';
import type { CleanTrackResult, SpotifyTrack } from '../../../main/core/catalog/clean-track.ts';
import { localTrack, rawTrack, spotifyIdFor } from '../../fake-spotify/raw-tracks.ts';

function cleaned(result: CleanTrackResult): SpotifyTrack {
  if (!result.ok) throw new Error(`dropped: ${result.reason}`);
  return result.track;
}

function reasonOf(raw: unknown): string {
  const result = cleanTrack(raw);
  return result.ok ? 'kept' : result.reason;
}

describe('cleanTrack', () => {
  it('maps a 2023-shaped track object to every field of a track', () => {
    const raw = rawTrack(10, {
      title: ' vampire ',
      artist: 'Olivia Rodrigo',
      releaseDate: '2023-06-30',
    });
    const track = cleaned(cleanTrack(raw, 1_790_000_000, ['Pop', 'pop', ' indie ']));
    const id = spotifyIdFor(10);
    expect(track).toEqual({
      itemKey: id,
      source: 'spotify',
      title: 'vampire',
      artists: [
        { name: 'Olivia Rodrigo', spotifyId: spotifyIdFor(10, 2) },
        { name: 'Guest 10', spotifyId: spotifyIdFor(10, 3) },
      ],
      genres: ['indie', 'pop'],
      album: 'Album 10',
      albumType: 'album',
      releaseDate: '2023-06-30',
      releaseDatePrecision: 'day',
      year: 2023,
      durationMs: 150_010,
      explicit: false,
      isrc: 'USAB12600010',
      spotifyId: id,
      spotifyUrl: `https://open.spotify.com/track/${id}`,
      imageUrl: `https://i.scdn.co/image/m${spotifyIdFor(10, 1)}`,
      popularity: 10,
      marketCount: 3,
      fetchedAt: 1_790_000_000,
      recordingKey: 'vampire|guest 10+olivia rodrigo',
    });
  });

  it('leaves popularity and market count unknown for a track object of today', () => {
    const track = cleaned(cleanTrack(rawTrack(3, { today: true })));
    expect(track.popularity).toBeUndefined();
    expect(track.marketCount).toBeUndefined();
    expect(track.isrc).toBe('USAB12600003');
  });

  it('reads a year-precision date and treats "0000" as an unknown date', () => {
    const yearOnly = cleaned(cleanTrack(rawTrack(1, { releaseDate: '1998', precision: 'year' })));
    expect(yearOnly).toMatchObject({
      year: 1998,
      releaseDate: '1998',
      releaseDatePrecision: 'year',
    });
    const unknown = cleaned(cleanTrack(rawTrack(1, { releaseDate: '0000', precision: 'year' })));
    expect([unknown.year, unknown.releaseDate]).toEqual([undefined, undefined]);
  });

  it('keeps a track whose ISRC is malformed, without the ISRC', () => {
    expect(cleaned(cleanTrack(rawTrack(1, { isrc: 'not-an-isrc' }))).isrc).toBeUndefined();
  });

  it('builds the Spotify link from the id when the object has none', () => {
    const raw = { ...rawTrack(2), external_urls: {} };
    expect(cleaned(cleanTrack(raw)).spotifyUrl).toBe(
      `https://open.spotify.com/track/${spotifyIdFor(2)}`,
    );
  });

  it('drops local files, episodes and non-objects with their reason', () => {
    expect(reasonOf(localTrack(1))).toBe('local-file');
    expect(reasonOf({ ...rawTrack(1), type: 'episode' })).toBe('not-a-track');
    expect(reasonOf(null)).toBe('not-a-track');
    expect(reasonOf([rawTrack(1)])).toBe('not-a-track');
  });

  it('drops an object missing its id, title or artist', () => {
    expect(reasonOf({ ...rawTrack(1), id: null })).toBe('missing-id');
    expect(reasonOf({ ...rawTrack(1), id: 'short' })).toBe('missing-id');
    expect(reasonOf({ ...rawTrack(1), name: '   ' })).toBe('missing-title');
    expect(reasonOf({ ...rawTrack(1), artists: [] })).toBe('missing-artist');
    expect(reasonOf({ ...rawTrack(1), artists: [{ id: 'x', name: '' }] })).toBe('missing-artist');
  });

  it('takes the smallest cover of at least 300 px, else the widest, and only over https', () => {
    const withImages = (...images: { width?: number; url: string }[]) => {
      const raw = rawTrack(2);
      raw.album = { ...(raw.album as Record<string, unknown>), images };
      return cleaned(cleanTrack(raw)).imageUrl;
    };
    const image = (width: number) => ({ width, url: `https://i.scdn.co/image/${width}` });
    expect(withImages(image(64), image(640), image(300))).toBe('https://i.scdn.co/image/300');
    expect(withImages(image(1000), image(640))).toBe('https://i.scdn.co/image/640');
    expect(withImages(image(64), image(160))).toBe('https://i.scdn.co/image/160');
    expect(withImages({ url: 'https://i.scdn.co/image/unsized' })).toBe(
      'https://i.scdn.co/image/unsized',
    );
    expect(withImages({ width: 300, url: 'http://i.scdn.co/image/plain' }, image(64))).toBe(
      'https://i.scdn.co/image/64',
    );
    expect(withImages({ width: 300, url: 'javascript:alert(1)' })).toBeUndefined();
  });

  it('keeps a track without an album, its album fields unknown', () => {
    const raw = rawTrack(4);
    delete raw.album;
    const track = cleaned(cleanTrack(raw));
    expect([track.album, track.year, track.imageUrl]).toEqual([undefined, undefined, undefined]);
  });
});
