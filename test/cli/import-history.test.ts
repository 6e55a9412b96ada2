import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../main/cli/main.ts';
import { openStore } from '../../main/core/store/store.ts';
import { localListenerId } from '../../main/core/store/user-repository.ts';
import { startFakeSpotify } from '../fake-spotify/fake-spotify.ts';
import type { FakeSpotify } from '../fake-spotify/fake-spotify.ts';
import { captureIo } from '../helpers/capture-io.ts';
import { extendedEntry, scrobbleLine } from '../helpers/history-fixtures.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

let fake: FakeSpotify;
beforeEach(async () => {
  fake = await startFakeSpotify();
});
afterEach(() => fake.close());

describe('earshot import-history', () => {
  it('imports an export folder, reports matched and unmatched, and --source unmatched crawls the rest', async () => {
    const dir = makeTempDir();
    const db = join(dir, 'e.db');
    const env = {
      EARSHOT_SPOTIFY_API_URL: fake.apiUrl,
      EARSHOT_SPOTIFY_ACCOUNTS_URL: fake.accountsUrl,
      SPOTIFY_CLIENT_ID: fake.clientId,
      SPOTIFY_CLIENT_SECRET: fake.clientSecret,
    };
    expect(await main(['pipeline', '--db', db, '--listeners', '50'], captureIo(env))).toBe(0);
    const crawlable = fake.data.tracks[0];
    const folder = join(dir, 'my_spotify_data', 'Spotify Extended Streaming History');
    mkdirSync(folder, { recursive: true });
    const at = 1_700_000_000;
    writeFileSync(
      join(folder, 'Streaming_History_Audio_2023_0.json'),
      JSON.stringify([
        extendedEntry({ title: 'Bohemian Rhapsody - Remastered 2011', artist: 'Queen', at }),
        extendedEntry({ title: crawlable.name, artist: 'Someone', spotifyId: crawlable.id, at }),
      ]),
    );
    writeFileSync(join(folder, 'ReadMeFirst.pdf'), 'not history');
    writeFileSync(
      join(dir, 'scrobbles.csv'),
      `${scrobbleLine({ title: 'Bohemian Rhapsody', artist: 'Queen', at: at - 86_400 })}\n`,
    );
    const io = captureIo(env);
    expect(
      await main(
        ['import-history', join(dir, 'my_spotify_data'), join(dir, 'scrobbles.csv'), '--db', db],
        io,
      ),
    ).toBe(0);
    expect(io.stdout()).toContain('Read 2 plays from');
    expect(io.stdout()).toContain('(spotify-extended)');
    expect(io.stdout()).toContain('(lastfm)');
    expect(io.stdout()).toMatch(/Matched +2 recordings, 2 plays .*: 1 song now carries/);
    expect(io.stdout()).toMatch(/Unmatched 1 recording, 1 play/);

    const crawl = captureIo(env);
    expect(
      await main(['pipeline', '--db', db, '--listeners', '50', '--source', 'unmatched'], crawl),
    ).toBe(0);
    expect(fake.apiRequests().some((r) => r.path.includes(`/tracks/${crawlable.id}`))).toBe(true);
    expect(crawl.stdout()).toContain(
      'History   1 unmatched recording now matched, 0 still unmatched',
    );
    const store = openStore(db);
    const me = store.users.ensure('local', localListenerId);
    expect(store.signals.forUser(me)).toHaveLength(2);
    store.close();
  });

  it('exits 1 naming the file and line of a bad entry, and 2 without a file', async () => {
    const dir = makeTempDir();
    const file = join(dir, 'scrobbles.csv');
    writeFileSync(file, 'Queen,A Night at the Opera,Bohemian Rhapsody,last tuesday\n');
    const io = captureIo();
    expect(await main(['import-history', file, '--db', join(dir, 'e.db')], io)).toBe(1);
    expect(io.stderr()).toContain('scrobbles.csv:1: time "last tuesday"');
    expect(await main(['import-history', '--db', join(dir, 'e.db')], captureIo())).toBe(2);
  });
});
