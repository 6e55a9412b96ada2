import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openStore } from '../../main/core/store/store.ts';
import type { Store } from '../../main/core/store/store.ts';
import { CredentialVault } from '../../main/desktop/credentials.ts';
import type { SecretStorage } from '../../main/desktop/credentials.ts';
import { defaultModelParameters, readModelOptions } from '../../main/core/app/model-parameters.ts';
import { createSettingsService } from '../../main/desktop/settings.ts';
import { tempDbPath } from '../helpers/temp-dir.ts';

/**
 * A stand-in for the OS secret store: a real cipher (AES-GCM under a per-instance key) so that
 * what lands in the settings table is really ciphertext, and another instance cannot read it.
 */
async function fakeSecrets(
  options: { available?: boolean; backend?: string; rotate?: boolean } = {},
) {
  const { webcrypto } = await import('node:crypto');
  const key = await webcrypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, [
    'encrypt',
    'decrypt',
  ]);
  const secrets: SecretStorage & { encryptions: number } = {
    encryptions: 0,
    isAsyncEncryptionAvailable: () => Promise.resolve(options.available ?? true),
    async encryptStringAsync(text) {
      secrets.encryptions++;
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
      return { result: new TextDecoder().decode(data), shouldReEncrypt: options.rotate ?? false };
    },
    ...(options.backend === undefined ? {} : { getSelectedStorageBackend: () => options.backend! }),
  };
  return secrets;
}

const credentials = {
  clientId: '0123456789abcdef0123456789abcdef',
  clientSecret: 'fedcba9876543210fedcba9876543210',
};

describe('Spotify credentials', () => {
  let store: Store;
  beforeEach(() => {
    store = openStore(tempDbPath());
  });
  afterEach(() => store.close());

  it('are stored encrypted: neither value appears in the database file', async () => {
    const settings = createSettingsService({
      store,
      vault: new CredentialVault(store.settings, await fakeSecrets()),
    });
    const result = await settings.handle('setSpotifyCredentials', credentials);
    expect(result).toEqual({ ok: true, value: { hasSpotifyCredentials: true } });
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    const { readFileSync } = await import('node:fs');
    const file = readFileSync(store.path).toString('latin1');
    expect(file).not.toContain(credentials.clientId);
    expect(file).not.toContain(credentials.clientSecret);
    expect(JSON.stringify(store.settings.get('spotify.credentials'))).not.toContain(
      credentials.clientSecret,
    );
  });

  it('come back in clear to the main process only; the settings say just whether they exist', async () => {
    const settings = createSettingsService({
      store,
      vault: new CredentialVault(store.settings, await fakeSecrets()),
    });
    await settings.handle('setSpotifyCredentials', {
      clientId: ` ${credentials.clientId} `,
      clientSecret: credentials.clientSecret,
    });
    expect(await settings.spotifyCredentials()).toEqual({ status: 'ok', credentials });
    const shown = await settings.handle('getSettings', undefined);
    expect(shown.ok && shown.value.spotify.hasSpotifyCredentials).toBe(true);
    expect(JSON.stringify(shown)).not.toContain(credentials.clientId);
    expect(JSON.stringify(shown)).not.toContain(credentials.clientSecret);
  });

  it('are forgotten on request', async () => {
    const settings = createSettingsService({
      store,
      vault: new CredentialVault(store.settings, await fakeSecrets()),
    });
    await settings.handle('setSpotifyCredentials', credentials);
    expect(await settings.handle('clearSpotifyCredentials', undefined)).toEqual({
      ok: true,
      value: { hasSpotifyCredentials: false },
    });
    expect(await settings.spotifyCredentials()).toEqual({ status: 'none' });
  });

  it.each([
    ['no secret store at all', { available: false }],
    ["Linux's basic_text store (a key built into Chromium)", { backend: 'basic_text' }],
  ])('are refused, with code not-configured, on %s', async (_name, options) => {
    const settings = createSettingsService({
      store,
      vault: new CredentialVault(store.settings, await fakeSecrets(options)),
    });
    const result = await settings.handle('setSpotifyCredentials', credentials);
    expect(!result.ok && result.error.code).toBe('not-configured');
    expect(settings.read().spotify.hasSpotifyCredentials).toBe(false);
  });

  it('are accepted with a real Linux secret store', async () => {
    const vault = new CredentialVault(
      store.settings,
      await fakeSecrets({ backend: 'gnome_libsecret' }),
    );
    await vault.write(credentials);
    expect(vault.has()).toBe(true);
  });

  it('that another key cannot decrypt are reported unreadable, not thrown', async () => {
    await new CredentialVault(store.settings, await fakeSecrets()).write(credentials);
    const read = await new CredentialVault(store.settings, await fakeSecrets()).read();
    expect(read.status).toBe('unreadable');
  });

  it('are re-encrypted when the OS rotated its key', async () => {
    const secrets = await fakeSecrets({ rotate: true });
    const vault = new CredentialVault(store.settings, secrets);
    await vault.write(credentials);
    expect(await vault.read()).toEqual({ status: 'ok', credentials });
    expect(secrets.encryptions).toBe(2);
  });

  it.each([
    undefined,
    'id:secret',
    { clientId: '', clientSecret: 'x' },
    { clientId: 'has space', clientSecret: 'x' },
    { clientId: 'x'.repeat(201), clientSecret: 'x' },
    { clientId: 'x', clientSecret: 'y', extra: 1 },
    { clientId: 1, clientSecret: 2 },
  ])('rejects %j with code invalid-request', async (request) => {
    const settings = createSettingsService({
      store,
      vault: new CredentialVault(store.settings, await fakeSecrets()),
    });
    const result = await settings.handle('setSpotifyCredentials', request);
    expect(!result.ok && result.error.code).toBe('invalid-request');
  });
});

describe('settings', () => {
  let store: Store;
  beforeEach(() => {
    store = openStore(tempDbPath());
  });
  afterEach(() => store.close());

  it('default to the preferences 5 and 3 and the app tuned model', async () => {
    const settings = createSettingsService({
      store,
      vault: new CredentialVault(store.settings, await fakeSecrets()),
    });
    expect(settings.read()).toEqual({
      preferences: { songsToRate: 5, recommendations: 3, strategy: 'adaptive', diversity: 0.1 },
      spotify: { hasSpotifyCredentials: false, sources: [] },
      model: defaultModelParameters,
    });
  });

  it('keep valid Spotify sources as typed, once each, and refuse the lot if one is wrong', async () => {
    const settings = createSettingsService({
      store,
      vault: new CredentialVault(store.settings, await fakeSecrets()),
    });
    const album = 'https://open.spotify.com/album/1DFixLWuPkv3KT3TnV35m3?si=abc';
    const saved = await settings.handle('setSpotifySources', {
      sources: [
        album,
        ' search:genre:jazz year:1960-1969 ',
        'spotify:album:1DFixLWuPkv3KT3TnV35m3',
        '',
      ],
    });
    expect(saved).toEqual({
      ok: true,
      value: { sources: [album, 'search:genre:jazz year:1960-1969'] },
    });
    const refused = await settings.handle('setSpotifySources', {
      sources: [album, 'https://evil.example/album/x'],
    });
    expect(!refused.ok && refused.error.code).toBe('invalid-request');
    expect(!refused.ok && refused.error.message).toContain('evil.example');
    expect(settings.spotifySources()).toEqual([album, 'search:genre:jazz year:1960-1969']);
  });

  it('change the model parameters the next training uses, and ask for a retrain', async () => {
    const retrain = vi.fn();
    const settings = createSettingsService({
      store,
      vault: new CredentialVault(store.settings, await fakeSecrets()),
      onModelParametersChanged: retrain,
    });
    const result = await settings.handle('setModelParameters', { factors: 40, epochs: 60 });
    expect(result).toEqual({
      ok: true,
      value: { ...defaultModelParameters, factors: 40, epochs: 60 },
    });
    expect(readModelOptions(store)).toMatchObject({ factors: 40, epochs: 60, seed: 42 });
    expect(retrain).toHaveBeenCalledTimes(1);
    await settings.handle('setModelParameters', { factors: 40 });
    expect(retrain).toHaveBeenCalledTimes(1);
  });

  it.each([
    { factors: 0 },
    { factors: 2.5 },
    { epochs: 10_000 },
    { learningRate: 0 },
    { learningRate: Number.NaN },
    { regularization: -1 },
    { seed: 1 },
  ])('reject model parameters %j with code invalid-request', async (request) => {
    const settings = createSettingsService({
      store,
      vault: new CredentialVault(store.settings, await fakeSecrets()),
    });
    const result = await settings.handle('setModelParameters', request);
    expect(!result.ok && result.error.code).toBe('invalid-request');
    expect(settings.read().model).toEqual(defaultModelParameters);
  });

  it('fall back to defaults for stored values out of range', async () => {
    store.settings.set('model.parameters', { factors: -3, epochs: 30, learningRate: 'fast' });
    const settings = createSettingsService({
      store,
      vault: new CredentialVault(store.settings, await fakeSecrets()),
    });
    expect(settings.read().model).toEqual({ ...defaultModelParameters, epochs: 30 });
  });
});
