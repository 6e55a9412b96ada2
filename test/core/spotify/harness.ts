import { afterEach } from 'vitest';
import { SpotifyClient } from '../../../main/core/spotify/spotify-client.ts';
import type { SpotifyClientOptions } from '../../../main/core/spotify/spotify-client.ts';
import { realSleep } from '../../../main/core/spotify/retry-policy.ts';
import type { Sleep } from '../../../main/core/spotify/retry-policy.ts';
import { openStore } from '../../../main/core/store/store.ts';
import type { Store } from '../../../main/core/store/store.ts';
import { startFakeSpotify } from '../../fake-spotify/fake-spotify.ts';
import type { FakeSpotify, FakeSpotifyOptions } from '../../fake-spotify/fake-spotify.ts';
import { tempDbPath } from '../../helpers/temp-dir.ts';

const open: { close(): unknown }[] = [];

afterEach(async () => {
  for (const thing of open.splice(0).reverse()) await thing.close();
});

/** Closes `thing` after the current test (in reverse order of registration). */
export function closeAfterTest<T extends { close(): unknown }>(thing: T): T {
  open.push(thing);
  return thing;
}

/** A fake Spotify closed after the current test. */
export async function fakeSpotify(options: FakeSpotifyOptions = {}): Promise<FakeSpotify> {
  const fake = await startFakeSpotify(options);
  open.push(fake);
  return fake;
}

/** A store on a fresh temp file, closed after the current test. */
export function tempStore(path = tempDbPath()): Store {
  const store = openStore(path);
  open.push(store);
  return store;
}

/** A sleep that records what it was asked to wait and returns at once. */
export function recordingSleep(): { sleep: Sleep; waits: number[] } {
  const waits: number[] = [];
  return {
    waits,
    sleep: async (ms, signal) => {
      waits.push(ms);
      await realSleep(0, signal);
    },
  };
}

/**
 * A client of `fake`, closed after the test: its credentials and addresses, retries of 100 ms
 * doubling (no jitter: `random` is 1), and whatever `options` change.
 */
export function clientFor(
  fake: FakeSpotify,
  options: Partial<SpotifyClientOptions> = {},
): SpotifyClient {
  return closeAfterTest(
    new SpotifyClient({
      credentials: { clientId: fake.clientId, clientSecret: fake.clientSecret },
      apiUrl: fake.apiUrl,
      accountsUrl: fake.accountsUrl,
      retry: { attempts: 5, baseMs: 100, capMs: 1000 },
      random: () => 1,
      ...options,
    }),
  );
}
