import { recordingKey } from '../../../main/core/catalog/normalise.ts';
import { describe, expect, it } from 'vitest';
import { cleanTracks } from '../../../main/core/catalog/clean-tracks.ts';
import type { RawTrackInput } from '../../../main/core/catalog/clean-tracks.ts';
import { localTrack, rawTrack, spotifyIdFor } from '../../fake-spotify/raw-tracks.ts';

const raw = (track: unknown, genres: string[] = [], fetchedAt = 100): RawTrackInput => ({
  track,
  genres,
  fetchedAt,
});

describe('cleanTracks', () => {
  it('counts every dropped object by its reason and keeps the rest', () => {
    const result = cleanTracks([
      raw(rawTrack(1)),
      raw(rawTrack(2)),
      raw(localTrack(1)),
      raw(localTrack(2)),
      raw({ ...rawTrack(3), name: '' }),
      raw('garbage'),
    ]);
    expect(result.tracks.map((t) => t.spotifyId).sort()).toEqual([
      spotifyIdFor(1),
      spotifyIdFor(2),
    ]);
    expect(result.dropped).toEqual({
      'not-a-track': 1,
      'local-file': 2,
      'missing-id': 0,
      'missing-title': 1,
      'missing-artist': 0,
      'duplicate-id': 0,
      'duplicate-isrc': 0,
      'duplicate-recording': 0,
    });
  });

  it('merges one Spotify id seen twice: the newer fetch wins and both genre tags stay', () => {
    const older = raw(rawTrack(1, { title: 'Old Title' }), ['jazz'], 100);
    const newer = raw(rawTrack(1, { title: 'New Title' }), ['blues'], 200);
    const result = cleanTracks([newer, older]);
    expect(result.tracks).toHaveLength(1);
    expect(result.tracks[0]).toMatchObject({
      title: 'New Title',
      genres: ['blues', 'jazz'],
      fetchedAt: 200,
    });
    expect(result.dropped['duplicate-id']).toBe(1);
  });

  it('keeps one release per ISRC, preferring the album to the compilation', () => {
    const album = rawTrack(1, { albumType: 'album', isrc: 'GBAYE6500001', title: 'Help!' });
    const compilation = rawTrack(2, {
      albumType: 'compilation',
      isrc: 'GBAYE6500001',
      title: 'Help! - Remastered 2009',
    });
    const result = cleanTracks([raw(compilation, ['rock']), raw(album, ['pop'])]);
    expect(result.tracks.map((t) => t.spotifyId)).toEqual([spotifyIdFor(1)]);
    expect(result.tracks[0].genres).toEqual(['pop', 'rock']);
    expect(result.dropped['duplicate-isrc']).toBe(1);
  });

  it('keeps one track per recording (normalised title and primary artist), the earliest release', () => {
    const remaster = rawTrack(1, {
      title: 'Like a Rolling Stone - 2011 Remaster',
      artist: 'Bob Dylan',
      releaseDate: '2011-05-01',
      isrc: null,
    });
    const original = rawTrack(2, {
      title: 'LIKE A ROLLING STONE',
      artist: 'bob dylan',
      releaseDate: '1965-08-30',
      isrc: 'USSM16500001',
    });
    const other = rawTrack(3, {
      title: 'Like a Rolling Stone',
      artist: 'The Rolling Stones',
      releaseDate: '1995-11-13',
    });
    const result = cleanTracks([raw(remaster), raw(original), raw(other)]);
    expect(result.tracks.map((t) => t.spotifyId).sort()).toEqual([
      spotifyIdFor(2),
      spotifyIdFor(3),
    ]);
    expect(result.tracks.find((t) => t.spotifyId === spotifyIdFor(2))!.recordingKey).toBe(
      'like a rolling stone|bob dylan',
    );
    expect(result.dropped['duplicate-recording']).toBe(1);
  });

  it('treats a chain of shared keys as one recording (ISRC with one, title with another)', () => {
    const a = rawTrack(1, {
      title: 'Song A',
      artist: 'X',
      isrc: 'USAAA0000001',
      releaseDate: '1990-01-01',
    });
    const b = rawTrack(2, {
      title: 'Song B',
      artist: 'X',
      isrc: 'USAAA0000001',
      releaseDate: '1991-01-01',
    });
    const c = rawTrack(3, {
      title: 'Song B',
      artist: 'X',
      isrc: 'USAAA0000099',
      releaseDate: '1992-01-01',
    });
    const result = cleanTracks([raw(c), raw(b), raw(a)]);
    expect(result.tracks.map((t) => t.spotifyId)).toEqual([spotifyIdFor(1)]);
    expect(result.dropped['duplicate-isrc'] + result.dropped['duplicate-recording']).toBe(2);
  });

  it('gives the same survivors whatever order the objects arrive in', () => {
    const many = Array.from({ length: 300 }, (_, i) =>
      raw(
        rawTrack(i, {
          title: `Tune ${i % 120}`,
          artist: `Band ${(i % 120) % 7}`,
          albumType: i % 3 === 0 ? 'compilation' : 'album',
        }),
      ),
    );
    const forward = cleanTracks(many);
    const backward = cleanTracks([...many].reverse());
    expect(backward.tracks.map((t) => t.spotifyId)).toEqual(forward.tracks.map((t) => t.spotifyId));
    // A copy credited with a guest artist is another recording (as a featuring version is).
    const recordings = new Set(
      many.map((_, i) =>
        recordingKey(`Tune ${i % 120}`, [
          `Band ${(i % 120) % 7}`,
          ...(i % 5 === 0 ? [`Guest ${i % 13}`] : []),
        ]),
      ),
    );
    expect(recordings.size).toBeGreaterThan(120);
    expect(forward.tracks).toHaveLength(recordings.size);
    expect(forward.dropped['duplicate-recording']).toBe(300 - recordings.size);
  });
});
