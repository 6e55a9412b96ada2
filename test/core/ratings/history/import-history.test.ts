import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { importHistoryFiles } from '../../../../main/core/ratings/history/import-history.ts';
import { ImportError } from '../../../../main/core/ratings/import/import-error.ts';
import { openStore } from '../../../../main/core/store/store.ts';
import type { Store } from '../../../../main/core/store/store.ts';
import { localListenerId } from '../../../../main/core/store/user-repository.ts';
import {
  accountEntry,
  extendedEntry,
  extendedEpisode,
  listen,
  scrobbleLine,
} from '../../../helpers/history-fixtures.ts';
import { makeTempDir, tempDbPath } from '../../../helpers/temp-dir.ts';

const levitatingId = '463CkQjx2Zk1yXoBuierM9';
const day = 86_400;
const now = 1_735_689_600; // 2025-01-01

let store: Store;
let dir: string;

beforeEach(() => {
  store = openStore(tempDbPath());
  dir = makeTempDir();
  store.tracks.upsertMany([
    {
      itemKey: 'dua-lipa--levitating',
      source: 'spotify',
      title: 'Levitating',
      artists: [{ name: 'Dua Lipa' }],
      genres: ['pop'],
      spotifyId: levitatingId,
      durationMs: 203_000,
    },
    {
      itemKey: 'queen--under-pressure',
      source: 'catalog',
      title: 'Under Pressure',
      artists: [{ name: 'Queen' }, { name: 'David Bowie' }],
      genres: ['rock'],
      isrc: 'GBUM71029604',
    },
    {
      itemKey: 'dua-lipa--dance-the-night',
      source: 'catalog',
      title: 'Dance the Night',
      artists: [{ name: 'Dua Lipa' }],
      genres: ['pop'],
    },
  ]);
  return () => store.close();
});

function write(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
}

function signalsByKey(): Map<string, { strength: number; plays: number; skips: number }> {
  const me = store.users.ensure('local', localListenerId);
  const keys = new Map([...store.tracks.idsByItemKey()].map(([key, id]) => [id, key]));
  return new Map(store.signals.forUser(me, now).map((s) => [keys.get(s.trackId)!, s]));
}

function thrownBy(work: () => unknown): ImportError {
  try {
    work();
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('expected an ImportError');
}

describe('importHistoryFiles', () => {
  it('reads Spotify Extended history, matching by Spotify id and by name, leaving podcasts out', () => {
    const file = write('Streaming_History_Audio_2024_0.json', [
      extendedEntry({
        title: 'Levitating',
        artist: 'Dua Lipa',
        spotifyId: levitatingId,
        at: now - 2 * day,
      }),
      extendedEntry({
        title: 'Levitating',
        artist: 'Dua Lipa',
        spotifyId: levitatingId,
        at: now - day,
      }),
      extendedEntry({
        title: 'Dance The Night (From Barbie The Album)',
        artist: 'Dua Lipa',
        at: now - day,
      }),
      extendedEntry({ title: 'Levitating (feat. DaBaby)', artist: 'Dua Lipa', at: now - 3 * day }),
      extendedEpisode(now - day),
    ]);
    const summary = importHistoryFiles(store, [file]);
    expect(summary.files[0]).toMatchObject({ format: 'spotify-extended', plays: 4, skipped: [] });
    expect(summary).toMatchObject({ plays: 4, notMusic: 1, recordings: 3, tracks: 2 });
    expect(summary.matched).toMatchObject({ recordings: 2, plays: 3 });
    expect(summary.matched.by).toMatchObject({ 'spotify-id': 1, recording: 1 });
    // The DaBaby remix is another recording: kept unmatched, not credited to the original.
    expect(summary.unmatched).toEqual({ recordings: 1, plays: 1 });
    expect(store.signals.unmatched().map((u) => u.title)).toEqual(['Levitating (feat. DaBaby)']);
    const signals = signalsByKey();
    expect(signals.get('dua-lipa--levitating')).toMatchObject({ plays: 2, skips: 0 });
    expect(signals.get('dua-lipa--levitating')!.strength).toBeCloseTo(
      1 - 2 ** ((-2 * 0.9985) / 3),
      2,
    );
  });

  it('reads account-data history, Last.fm CSV with and without header, and ListenBrainz', () => {
    const account = write('StreamingHistory_music_0.json', [
      accountEntry({ title: 'Under Pressure', artist: 'Queen', at: now - day }),
      accountEntry({
        title: 'Under Pressure',
        artist: 'Queen',
        at: now - day / 2,
        msPlayed: 5_000,
      }),
    ]);
    const lastfm = write(
      'scrobbles.csv',
      `${scrobbleLine({ title: 'Under Pressure', artist: 'Queen', album: 'Hot Space', at: now - 10 * day })}\n`,
    );
    const lastfmHeader = write(
      'export.csv',
      `artist,album,title,date\n${scrobbleLine({ title: 'Levitating', artist: 'Dua Lipa', at: now - 9 * day })}\n`,
    );
    const jsonl = write(
      '2024-12.jsonl',
      [
        listen({ title: 'Song X', artist: 'Nobody', isrc: 'GB-UM7-10-29604', at: now - 5 * day }),
        listen({ title: 'Unknown', artist: 'Band', at: now - 4 * day }),
      ]
        .map((l) => JSON.stringify(l))
        .join('\n'),
    );
    const array = write('listens.json', [
      listen({
        title: 'Levitating',
        artist: 'Dua Lipa',
        spotifyId: levitatingId,
        at: now - 7 * day,
      }),
    ]);
    const summary = importHistoryFiles(store, [account, lastfm, lastfmHeader, jsonl, array]);
    expect(summary.files.map((f) => [f.format, f.plays])).toEqual([
      ['spotify-account', 2],
      ['lastfm', 1],
      ['lastfm', 1],
      ['listenbrainz', 2],
      ['listenbrainz', 1],
    ]);
    const signals = signalsByKey();
    // Two plays of Under Pressure in the account data (one a 5 s skip), one scrobble, one ISRC.
    expect(signals.get('queen--under-pressure')).toMatchObject({ plays: 4, skips: 1 });
    expect(signals.get('dua-lipa--levitating')).toMatchObject({ plays: 2, skips: 0 });
    expect(summary.matched.by).toMatchObject({ isrc: 1 });
    expect(summary.unmatched.recordings).toBe(1);
  });

  it('imports nothing when an entry is bad, naming file, line and JSON path; --skip-bad imports the rest', () => {
    const entries = [
      extendedEntry({ title: 'Levitating', artist: 'Dua Lipa', at: now - day }),
      { ...extendedEntry({ title: 'Levitating', artist: 'Dua Lipa', at: now }), ts: 'soon' },
      { ...extendedEntry({ title: 'Levitating', artist: 'Dua Lipa', at: now }), ms_played: -4 },
    ];
    const file = write('Streaming_History_Audio_2024_1.json', entries);
    const error = thrownBy(() => importHistoryFiles(store, [file]));
    expect(error.code).toBe('bad-rows');
    expect(error.message).toContain(
      'Streaming_History_Audio_2024_1.json:27: [1].ts: time "soon" is not Unix seconds',
    );
    expect(error.message).toContain('[2].ms_played: expected milliseconds');
    expect(store.signals.forUser(store.users.ensure('local', localListenerId))).toEqual([]);
    const summary = importHistoryFiles(store, [file], { skipBad: true });
    expect(summary.plays).toBe(1);
    expect(summary.files[0].skipped).toHaveLength(2);
  });

  it('names the line of broken JSON and of a bad JSON line, and refuses unknown files', () => {
    const broken = write(
      'StreamingHistory_music_1.json',
      '[\n  {"endTime": "2024-01-01 10:00",\n  "msPlayed": 1000\n  "artistName": "X"}\n]',
    );
    expect(thrownBy(() => importHistoryFiles(store, [broken])).message).toMatch(
      /StreamingHistory_music_1\.json:4: not valid JSON/,
    );
    const lines = write(
      'listens.jsonl',
      `${JSON.stringify(listen({ title: 'A', artist: 'B', at: now }))}\n{"listened_at": 1}\n`,
    );
    expect(thrownBy(() => importHistoryFiles(store, [lines])).message).toContain(
      'listens.jsonl:2: track_metadata: expected an object',
    );
    const other = write('other.json', [{ name: 'not a play' }]);
    expect(thrownBy(() => importHistoryFiles(store, [other])).code).toBe('unknown-format');
  });

  it('replaces the earlier history, so importing the same export twice changes nothing', () => {
    const file = write('Streaming_History_Audio_2024_2.json', [
      extendedEntry({
        title: 'Levitating',
        artist: 'Dua Lipa',
        spotifyId: levitatingId,
        at: now - day,
      }),
    ]);
    importHistoryFiles(store, [file]);
    const first = signalsByKey();
    const again = importHistoryFiles(store, [file]);
    expect(again.replaced).toBe(1);
    expect(signalsByKey()).toEqual(first);
  });

  it('counts two exports of the same play once', () => {
    const play = { title: 'Levitating', artist: 'Dua Lipa', at: now - day + 17 };
    const extended = write('Streaming_History_Audio_2024_3.json', [
      extendedEntry({ ...play, spotifyId: levitatingId }),
    ]);
    const account = write('StreamingHistory_music_2.json', [accountEntry(play)]);
    importHistoryFiles(store, [extended, account]);
    expect(signalsByKey().get('dua-lipa--levitating')!.plays).toBe(1);
  });
});
