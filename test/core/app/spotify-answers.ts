import { join } from 'node:path';
import { createAppService } from '../../../main/core/app/app-service.ts';
import type { AppService } from '../../../main/core/app/app-service.ts';
import type { ModelManager } from '../../../main/core/app/model-manager.ts';
import { SpotifyAccount } from '../../../main/core/spotify/account/spotify-account.ts';
import { TokenFile } from '../../../main/core/spotify/account/token-file.ts';
import type { Store } from '../../../main/core/store/store.ts';
import { startFakeSpotify } from '../../fake-spotify/fake-spotify.ts';
import type { FakeSpotify, FakeSpotifyOptions } from '../../fake-spotify/fake-spotify.ts';
import { makeTempDir } from '../../helpers/temp-dir.ts';

export interface SpotifyService {
  readonly service: AppService;
  readonly fake: FakeSpotify;
  close(): Promise<void>;
}

/** An app service with a Spotify account, pointed at a fresh fake Spotify (made with `options`). */
export async function serviceWithAccount(
  store: Store,
  models: ModelManager,
  options: FakeSpotifyOptions = {},
): Promise<SpotifyService> {
  const fake = await startFakeSpotify(options);
  const spotifyAccount = new SpotifyAccount({
    store,
    vault: new TokenFile(join(makeTempDir(), 'spotify-account.json'), undefined),
    env: {
      EARSHOT_SPOTIFY_API_URL: fake.apiUrl,
      EARSHOT_SPOTIFY_ACCOUNTS_URL: fake.accountsUrl,
    },
  });
  const service = createAppService({ store, models, spotifyAccount });
  return {
    service,
    fake,
    async close() {
      spotifyAccount.close();
      await fake.close();
    },
  };
}

/**
 * Signs in through the contract as a page does: `spotifySignIn`, the browser's visit (a GET
 * that follows Spotify's redirect back), then `spotifyAccount` until the sign-in has landed.
 */
export async function signInThroughService(harness: SpotifyService) {
  const started = await harness.service.handle('spotifySignIn', {
    clientId: harness.fake.clientId,
  });
  if (!started.ok) throw new Error(started.error.message);
  await fetch(started.value.authorizeUrl, { redirect: 'follow' });
  for (let i = 0; i < 1000; i++) {
    const account = await harness.service.handle('spotifyAccount', undefined);
    if (account.ok && account.value.status !== 'signing-in') return { started, account };
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error('the sign-in never finished');
}
