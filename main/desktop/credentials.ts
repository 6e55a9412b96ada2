import { ServiceError } from '../core/app/service-error.ts';
import type { SpotifyCredentials } from '../core/spotify/spotify-client.ts';

/**
 * The slice of Electron's `safeStorage` the vault uses (the asynchronous API; the synchronous
 * one is deprecated since Electron 45). Injected, so the vault runs in tests with a fake.
 */
export interface SecretStorage {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plainText: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ shouldReEncrypt: boolean; result: string }>;
  /**
   * Linux only: which secret store backs the key. `basic_text` means a key hard-coded in
   * Chromium, i.e. no protection at all, so the vault refuses to store secrets with it.
   */
  getSelectedStorageBackend?(): string;
}

/** The settings table, as much of it as the vault needs (`store.settings`). */
export interface SettingsTable {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

export type CredentialsRead =
  | { readonly status: 'none' }
  | { readonly status: 'ok'; readonly credentials: SpotifyCredentials }
  | { readonly status: 'unreadable'; readonly message: string };

const key = 'spotify.credentials';

/** What the settings table holds: the encrypted JSON of both values, base64. */
interface StoredSecret {
  readonly version: 1;
  readonly encrypted: string;
}

function isStoredSecret(value: unknown): value is StoredSecret {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as Partial<StoredSecret>).version === 1 &&
    typeof (value as Partial<StoredSecret>).encrypted === 'string'
  );
}

function isCredentials(value: unknown): value is SpotifyCredentials {
  const v = value as Partial<SpotifyCredentials> | null;
  return typeof v?.clientId === 'string' && typeof v.clientSecret === 'string';
}

/**
 * Spotify's client id and secret, encrypted with the OS's secret store (Keychain, DPAPI,
 * libsecret/KWallet) into the settings table. Only the main process ever sees them in clear;
 * the renderer learns at most {@link CredentialVault.has}.
 */
export class CredentialVault {
  readonly #settings: SettingsTable;
  readonly #secrets: SecretStorage;

  constructor(settings: SettingsTable, secrets: SecretStorage) {
    this.#settings = settings;
    this.#secrets = secrets;
  }

  has(): boolean {
    return isStoredSecret(this.#settings.get(key));
  }

  /** Encrypts and stores; `not-configured` when this system cannot keep a secret. */
  async write(credentials: SpotifyCredentials): Promise<void> {
    await this.#requireEncryption();
    const plain = JSON.stringify({
      clientId: credentials.clientId,
      clientSecret: credentials.clientSecret,
    });
    const encrypted = await this.#secrets.encryptStringAsync(plain);
    this.#settings.set(key, { version: 1, encrypted: encrypted.toString('base64') });
  }

  clear(): void {
    this.#settings.set(key, null);
  }

  /**
   * The credentials in clear, for the crawl. `unreadable` when the OS key that encrypted them is
   * gone (a new keyring, another user account): they must be entered again.
   */
  async read(): Promise<CredentialsRead> {
    const stored = this.#settings.get(key);
    if (!isStoredSecret(stored)) return { status: 'none' };
    try {
      const { result, shouldReEncrypt } = await this.#secrets.decryptStringAsync(
        Buffer.from(stored.encrypted, 'base64'),
      );
      const credentials: unknown = JSON.parse(result);
      if (!isCredentials(credentials)) throw new TypeError('not a pair of strings');
      if (shouldReEncrypt) await this.write(credentials);
      return { status: 'ok', credentials };
    } catch {
      return {
        status: 'unreadable',
        message:
          'The saved Spotify credentials can no longer be decrypted on this system; enter them again in Settings.',
      };
    }
  }

  async #requireEncryption(): Promise<void> {
    const available = await this.#secrets.isAsyncEncryptionAvailable();
    const backend = this.#secrets.getSelectedStorageBackend?.();
    if (!available || backend === 'basic_text') {
      throw new ServiceError(
        'not-configured',
        'This system offers no secure storage for secrets (on Linux: GNOME Keyring, KWallet or another Secret Service), so Earshot will not save Spotify credentials.',
      );
    }
  }
}

/**
 * Electron's `safeStorage` as a {@link SecretStorage}. `getSelectedStorageBackend` exists on
 * Linux only, so it is passed on there alone.
 */
export function secretStorageFrom(
  safeStorage: SecretStorage & { getSelectedStorageBackend(): string },
  platform: NodeJS.Platform,
): SecretStorage {
  return {
    isAsyncEncryptionAvailable: () => safeStorage.isAsyncEncryptionAvailable(),
    encryptStringAsync: (text) => safeStorage.encryptStringAsync(text),
    decryptStringAsync: (encrypted) => safeStorage.decryptStringAsync(encrypted),
    ...(platform === 'linux'
      ? { getSelectedStorageBackend: () => safeStorage.getSelectedStorageBackend() }
      : {}),
  };
}
