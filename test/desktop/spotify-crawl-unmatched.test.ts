import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importHistoryFiles } from '../../main/core/ratings/history/import-history.ts';
import { openStore } from '../../main/core/store/store.ts';
import { localListenerId } from '../../main/core/store/user-repository.ts';
import { createSpotifyCrawl } from '../../main/desktop/spotify-crawl.ts';
import { startFakeSpotify } from '../fake-spotify/fake-spotify.ts';
import type { FakeSpotify } from '../fake-spotify/fake-spotify.ts';
import { extendedEntry } from '../helpers/history-fixtures.ts';
import { makeTempDir, tempDbPath } from '../helpers/temp-dir.ts';

let fake: FakeSpotify;
beforeEach(async () => {
  fake = await startFakeSpotify();
});
afterEach(() => fake.close());

describe("Refresh data's Spotify step", () => {
  it('also crawls the unmatched recordings of a listening history, which then join it', async () => {
    const store = openStore(tempDbPath());
    const track = fake.data.tracks[3];
    const file = join(makeTempDir(), 'Streaming_History_Audio_2024_0.json');
    writeFileSync(
      file,
      JSON.stringify([
        extendedEntry({ title: track.name, artist: 'X', spotifyId: track.id, at: 1_700_000_000 }),
      ]),
    );
    expect(importHistoryFiles(store, [file]).unmatched.recordings).toBe(1);
    const crawl = createSpotifyCrawl({ apiUrl: fake.apiUrl, accountsUrl: fake.accountsUrl });
    await crawl(
      store,
      { credentials: { clientId: fake.clientId, clientSecret: fake.clientSecret }, sources: [] },
      () => undefined,
      new AbortController().signal,
    );
    expect(fake.apiRequests().map((r) => r.path)).toContain(`/v1/tracks/${track.id}`);
    expect(store.signals.unmatched()).toEqual([]);
    const me = store.users.ensure('local', localListenerId);
    expect(store.signals.forUser(me).map((s) => store.tracks.get(s.trackId)?.title)).toEqual([
      track.name,
    ]);
    store.close();
  });
});
