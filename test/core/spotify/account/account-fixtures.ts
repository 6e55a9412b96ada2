import { join } from 'node:path';
import { SpotifyAccount } from '../../../../main/core/spotify/account/spotify-account.ts';
import { TokenFile } from '../../../../main/core/spotify/account/token-file.ts';
import type { Store } from '../../../../main/core/store/store.ts';
import { makeFakeData } from '../../../fake-spotify/fake-data.ts';
import type { FakeSpotify, FakeSpotifyOptions } from '../../../fake-spotify/fake-spotify.ts';
import { makeTempDir } from '../../../helpers/temp-dir.ts';
import { closeAfterTest, fakeSpotify, tempStore } from '../harness.ts';

/** A fake Spotify whose listener has a library: top tracks, saved songs, plays, playlists. */

const data = { artists: 6, albumsPerArtist: 1, tracksPerAlbum: 5 };

/**
 * A fake Spotify whose listener has a library of its 30 tracks: top 0–5, saved 4–9, plays of
 * 12 (twice) and 13, an own playlist of 15–19 and a friend's of 20–24.
 */
export function fakeWithLibrary(options: FakeSpotifyOptions = {}): Promise<FakeSpotify> {
  const ids = makeFakeData(data).tracks.map((t) => t.id);
  return fakeSpotify({ data, account: libraryOf(ids), ...options });
}

function libraryOf(ids: readonly string[]) {
  return {
    displayName: 'Ada Lovelace',
    top: ids.slice(0, 6),
    saved: ids.slice(4, 10).map((id, i) => ({ id, addedAt: `2026-0${1 + (i % 9)}-10T12:00:00Z` })),
    recent: [ids[12], ids[12], ids[13]].map((id, i) => ({
      id,
      playedAt: `2026-11-3${i}T08:00:00Z`,
    })),
    playlists: [
      { id: 'mine1', name: 'Road trip', owner: 'fake-listener', trackIds: ids.slice(15, 20) },
      { id: 'theirs1', name: 'A friend’s mix', owner: 'someone-else', trackIds: ids.slice(20, 25) },
    ],
  };
}

export interface AccountHarness {
  readonly fake: FakeSpotify;
  readonly store: Store;
  readonly account: SpotifyAccount;
  readonly tokenPath: string;
}

/** A SpotifyAccount on a temp store and token file, pointed at `fake` through the environment. */
export function accountFor(fake: FakeSpotify, store = tempStore()): AccountHarness {
  const tokenPath = join(makeTempDir(), 'spotify-account.json');
  const account = new SpotifyAccount({
    store,
    vault: new TokenFile(tokenPath, undefined),
    env: {
      EARSHOT_SPOTIFY_API_URL: fake.apiUrl,
      EARSHOT_SPOTIFY_ACCOUNTS_URL: fake.accountsUrl,
      SPOTIFY_CLIENT_ID: fake.clientId,
    },
    signInTimeoutMs: 10_000,
  });
  closeAfterTest(account);
  return { fake, store, account, tokenPath };
}

/** Signs in, playing the browser: GETs Spotify's page and follows its redirect back. */
export async function signIn(harness: AccountHarness): Promise<void> {
  const started = await harness.account.signIn(undefined);
  if (!started.ok) throw new Error(started.error.message);
  await fetch(started.value.authorizeUrl, { redirect: 'follow' });
  const done = await started.value.done;
  if (!done.ok) throw new Error(done.error.message);
}
