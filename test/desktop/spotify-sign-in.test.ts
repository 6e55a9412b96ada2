import { webcrypto } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { SpotifyAccount } from '../../main/core/spotify/account/spotify-account.ts';
import type { AccountTokens } from '../../main/core/spotify/account/account-tokens.ts';
import type { SecretStorage } from '../../main/desktop/credentials.ts';
import { buildMenuTemplate } from '../../main/desktop/menu.ts';
import { createSpotifyMenuActions } from '../../main/desktop/spotify-sign-in.ts';
import { SafeStorageTokenVault } from '../../main/desktop/spotify-token-vault.ts';
import { fakeSpotify, tempStore } from '../core/spotify/harness.ts';
import { click, find, noActions, options } from './menu-helpers.ts';

vi.mock('electron', () => import('./fake-electron.ts'));

/** safeStorage as Electron gives it: AES-GCM under a key the OS keeps (here, in memory). */
async function fakeSafeStorage(backend = 'gnome_libsecret'): Promise<SecretStorage> {
  const key = await webcrypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt',
  ]);
  return {
    isAsyncEncryptionAvailable: () => Promise.resolve(true),
    getSelectedStorageBackend: () => backend,
    async encryptStringAsync(text) {
      const iv = webcrypto.getRandomValues(new Uint8Array(12));
      const data = await webcrypto.subtle.encrypt(
        { name: 'AES-GCM', iv },
        key,
        new TextEncoder().encode(text),
      );
      return Buffer.concat([iv, new Uint8Array(data)]);
    },
    async decryptStringAsync(encrypted) {
      const data = await webcrypto.subtle.decrypt(
        { name: 'AES-GCM', iv: encrypted.subarray(0, 12) },
        key,
        encrypted.subarray(12),
      );
      return { shouldReEncrypt: false, result: new TextDecoder().decode(data) };
    },
  };
}

const tokens: AccountTokens = {
  clientId: 'client',
  accessToken: 'BQ-desktop-access-token-0123456789',
  refreshToken: 'AQ-desktop-refresh-token-0123456789',
  expiresAt: 1_900_000_000_000,
  scope: 'user-top-read',
  user: { id: 'ada', displayName: 'Ada' },
};

describe('the desktop Spotify sign-in', () => {
  it('keeps the tokens encrypted with safeStorage: the database file never holds them in the clear', async () => {
    const store = tempStore();
    const vault = new SafeStorageTokenVault(store.settings, await fakeSafeStorage());
    await vault.write(tokens);
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    const file = readFileSync(store.path).toString('latin1');
    expect(file).not.toContain(tokens.refreshToken);
    expect(file).not.toContain(tokens.accessToken);
    expect(await vault.read()).toEqual({ status: 'ok', tokens });
    await vault.clear();
    expect(await vault.read()).toEqual({ status: 'none' });
  });

  it('refuses to keep a sign-in where safeStorage has no real secret store (basic_text)', async () => {
    const store = tempStore();
    const vault = new SafeStorageTokenVault(store.settings, await fakeSafeStorage('basic_text'));
    await expect(vault.write(tokens)).rejects.toThrow(/no secure storage/);
    expect(await vault.read()).toEqual({ status: 'none' });
  });

  it('says to sign in again when the OS key changed', async () => {
    const store = tempStore();
    await new SafeStorageTokenVault(store.settings, await fakeSafeStorage()).write(tokens);
    const read = await new SafeStorageTokenVault(store.settings, await fakeSafeStorage()).read();
    expect(read.status).toBe('unreadable');
  });

  it('Spotify › Sign in… opens the sign-in page in the system browser and shows Settings; Sign out forgets and says how to revoke', async () => {
    const fake = await fakeSpotify({ account: { displayName: 'Ada' } });
    const store = tempStore();
    const opened: string[] = [];
    const account = new SpotifyAccount({
      store,
      vault: new SafeStorageTokenVault(store.settings, await fakeSafeStorage()),
      env: {
        EARSHOT_SPOTIFY_API_URL: fake.apiUrl,
        EARSHOT_SPOTIFY_ACCOUNTS_URL: fake.accountsUrl,
        SPOTIFY_CLIENT_ID: fake.clientId,
      },
      openBrowser: async (url) => {
        opened.push(url);
        await fetch(url, { redirect: 'follow' });
      },
    });
    const told: string[] = [];
    let settingsShown = 0;
    const actions = createSpotifyMenuActions({
      account,
      showSettings: () => settingsShown++,
      tell: (message, detail) => Promise.resolve(void told.push(`${message}: ${detail}`)),
    });
    const template = buildMenuTemplate(
      { ...noActions, ...actions },
      { ...options, platform: 'linux' },
    );
    click(find(template, 'Sign in…'));
    await expect.poll(() => opened.length).toBe(1);
    expect(opened[0]).toMatch(new RegExp(`^${fake.accountsUrl}/authorize\\?`));
    await expect.poll(async () => (await account.status()).user?.displayName).toBe('Ada');
    expect(settingsShown).toBe(1);

    click(find(template, 'Sign out'));
    await expect.poll(() => told.length).toBe(1);
    expect(told).toEqual([
      'Signed out of Spotify: Earshot deleted its Spotify tokens. To withdraw its access on Spotify too, remove the app at https://www.spotify.com/account/apps/.',
    ]);
    expect((await account.status()).status).toBe('signed-out');
    expect(store.settings.get('spotify.account.session')).toBeNull();
    account.close();
  });
});
