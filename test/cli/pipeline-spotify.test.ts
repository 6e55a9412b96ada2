import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../main/cli/main.ts';
import { openStore } from '../../main/core/store/store.ts';
import { startFakeSpotify } from '../fake-spotify/fake-spotify.ts';
import type { FakeSpotify } from '../fake-spotify/fake-spotify.ts';
import { captureIo } from '../helpers/capture-io.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

let fake: FakeSpotify;
beforeEach(async () => {
  fake = await startFakeSpotify();
});
afterEach(() => fake.close());

function spotifyEnv(withCredentials: boolean): NodeJS.ProcessEnv {
  return {
    EARSHOT_SPOTIFY_API_URL: fake.apiUrl,
    EARSHOT_SPOTIFY_ACCOUNTS_URL: fake.accountsUrl,
    ...(withCredentials
      ? { SPOTIFY_CLIENT_ID: fake.clientId, SPOTIFY_CLIENT_SECRET: fake.clientSecret }
      : {}),
  };
}

describe('earshot pipeline --source', () => {
  it('crawls Spotify into the catalog, and the simulated listeners rate the new tracks', async () => {
    const db = join(makeTempDir(), 'e.db');
    const first = captureIo(spotifyEnv(true));
    expect(await main(['pipeline', '--db', db, '--listeners', '100'], first)).toBe(0);
    const io = captureIo(spotifyEnv(true));
    expect(
      await main(
        ['pipeline', '--db', db, '--listeners', '100', '--source', 'search:genre:jazz'],
        io,
      ),
    ).toBe(0);
    expect(io.stdout()).toMatch(/Spotify +[\d,]+ tracks fetched in [\d,]+ requests/);
    expect(io.stdout()).toMatch(/Ratings +extended: \d+ ratings/);
    const store = openStore(db);
    const crawled = store.tracks.list().filter((t) => t.source === 'spotify');
    expect(crawled.length).toBeGreaterThan(10);
    expect(crawled.every((t) => t.genres.includes('jazz'))).toBe(true);
    expect(crawled[0].spotifyUrl).toMatch(/^https:\/\/open\.spotify\.com\/track\//);
    const stats = store.ratings.statsByTrack();
    expect(crawled.filter((t) => stats.has(t.id)).length).toBeGreaterThan(0);
    store.close();
    for (const request of fake.requests)
      expect(JSON.stringify(request)).not.toContain('secret-should-not-leak');
  });

  it('says plainly that Spotify is not configured and leaves the catalog as it was', async () => {
    const db = join(makeTempDir(), 'e.db');
    const io = captureIo(spotifyEnv(false));
    expect(
      await main(
        ['pipeline', '--db', db, '--listeners', '50', '--source', 'search:genre:jazz'],
        io,
      ),
    ).toBe(0);
    expect(io.stdout()).toContain('not crawled: set SPOTIFY_CLIENT_ID and SPOTIFY_CLIENT_SECRET');
    expect(fake.requests).toHaveLength(0);
    const store = openStore(db);
    expect(store.tracks.count('spotify')).toBe(0);
    store.close();
  });

  it.each([
    ['a client secret Spotify rejects', 'invalid-client', { SPOTIFY_CLIENT_SECRET: 'wrong' }],
    ['a used-up quota', 'quota-exceeded', {}],
  ])('exits 3 and says so when the crawl stops early: %s', async (_, reason, env) => {
    if (reason === 'quota-exceeded')
      fake.setFaults([{ fault: { kind: 'quota-exceeded', retryAfterSeconds: 3600 } }]);
    const db = join(makeTempDir(), 'e.db');
    const io = captureIo({ ...spotifyEnv(true), ...env });
    const args = ['pipeline', '--db', db, '--listeners', '50', '--source', 'search:genre:jazz'];
    expect(await main(args, io)).toBe(3);
    const lines = io.stderr().trim().split('\n');
    expect(lines.at(-1)).toMatch(
      new RegExp(`^earshot pipeline: the Spotify crawl stopped early \\(${reason}\\): `),
    );
    // The rest of the pipeline ran: the embedded catalog is there.
    const store = openStore(db);
    expect(store.tracks.count('catalog')).toBeGreaterThan(600);
    store.close();
  });

  it('rejects a malformed source before any request', async () => {
    const io = captureIo(spotifyEnv(true));
    expect(
      await main(
        ['pipeline', '--db', join(makeTempDir(), 'e.db'), '--source', 'https://example.com/x'],
        io,
      ),
    ).toBe(2);
    expect(io.stderr()).toContain('https://example.com/x');
    expect(fake.requests).toHaveLength(0);
  });
});
