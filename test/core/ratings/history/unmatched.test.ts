import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importHistoryFiles } from '../../../../main/core/ratings/history/import-history.ts';
import {
  rematchUnmatched,
  unmatchedSources,
} from '../../../../main/core/ratings/history/rematch.ts';
import { parseSources } from '../../../../main/core/spotify/index.ts';
import { openStore } from '../../../../main/core/store/store.ts';
import { localListenerId } from '../../../../main/core/store/user-repository.ts';
import { extendedEntry } from '../../../helpers/history-fixtures.ts';
import { makeTempDir, tempDbPath } from '../../../helpers/temp-dir.ts';

describe('unmatched recordings', () => {
  it('become crawl sources, and listening signals once a crawl adds their track', () => {
    const store = openStore(tempDbPath());
    const file = join(makeTempDir(), 'Streaming_History_Audio_2024_0.json');
    const at = 1_700_000_000;
    writeFileSync(
      file,
      JSON.stringify([
        extendedEntry({
          title: 'Espresso',
          artist: 'Sabrina Carpenter',
          spotifyId: '2qSkIjg1o9h3YT9RAgYN75',
          at,
        }),
        extendedEntry({
          title: 'Espresso',
          artist: 'Sabrina Carpenter',
          spotifyId: '2qSkIjg1o9h3YT9RAgYN75',
          at: at + 600,
        }),
        extendedEntry({ title: 'Say "Hi"', artist: 'Someone', at }),
      ]),
    );
    const summary = importHistoryFiles(store, [file]);
    expect(summary.unmatched).toEqual({ recordings: 2, plays: 3 });
    const sources = unmatchedSources(store);
    expect(sources).toEqual([
      'spotify:track:2qSkIjg1o9h3YT9RAgYN75',
      'search:track:"Say Hi" artist:"Someone"',
    ]);
    expect(parseSources(sources).ok).toBe(true);

    store.tracks.upsertMany([
      {
        itemKey: '2qSkIjg1o9h3YT9RAgYN75',
        source: 'spotify',
        title: 'Espresso',
        artists: [{ name: 'Sabrina Carpenter' }],
        genres: [],
        spotifyId: '2qSkIjg1o9h3YT9RAgYN75',
      },
    ]);
    expect(rematchUnmatched(store)).toEqual({ matched: 1, unmatched: 1 });
    const me = store.users.ensure('local', localListenerId);
    const signals = store.signals.forUser(me, at + 600);
    expect(signals).toHaveLength(1);
    expect(signals[0]).toMatchObject({ plays: 2, skips: 0, lastPlayedAt: at + 600 });
    expect(store.signals.unmatched().map((u) => u.title)).toEqual(['Say "Hi"']);
    store.close();
  });
});
