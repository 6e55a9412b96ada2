import { ServiceError } from '../core/app/service-error.ts';
import { isAccountTokens } from '../core/spotify/account/account-tokens.ts';
import type {
  AccountTokens,
  TokenVault,
  VaultRead,
} from '../core/spotify/account/account-tokens.ts';
import type { SecretStorage, SettingsTable } from './credentials.ts';

const key = 'spotify.account.session';

interface StoredSession {
  readonly version: 1;
  readonly encrypted: string;
}

function isStoredSession(value: unknown): value is StoredSession {
  const v = value as Partial<StoredSession> | null;
  return v?.version === 1 && typeof v.encrypted === 'string';
}

/**
 * The desktop app's Spotify sign-in: encrypted with Electron's `safeStorage` (the macOS
 * Keychain, Windows DPAPI, the Secret Service on Linux) into the settings table, like the
 * client credentials. Never in the clear: with no secure storage (Linux's `basic_text`) the
 * sign-in is refused with the reason. Only the main process ever decrypts it.
 */
export class SafeStorageTokenVault implements TokenVault {
  readonly description = "your system's secret store (Electron safeStorage), in Earshot's database";
  readonly #settings: SettingsTable;
  readonly #secrets: SecretStorage;

  constructor(settings: SettingsTable, secrets: SecretStorage) {
    this.#settings = settings;
    this.#secrets = secrets;
  }

  async read(): Promise<VaultRead> {
    const stored = this.#settings.get(key);
    if (!isStoredSession(stored)) return { status: 'none' };
    try {
      const { result, shouldReEncrypt } = await this.#secrets.decryptStringAsync(
        Buffer.from(stored.encrypted, 'base64'),
      );
      const tokens: unknown = JSON.parse(result);
      if (!isAccountTokens(tokens)) throw new TypeError('not a Spotify session');
      if (shouldReEncrypt) await this.write(tokens);
      return { status: 'ok', tokens };
    } catch {
      return {
        status: 'unreadable',
        message: 'The Spotify sign-in can no longer be decrypted on this system; sign in again.',
      };
    }
  }

  async write(tokens: AccountTokens): Promise<void> {
    const available = await this.#secrets.isAsyncEncryptionAvailable();
    if (!available || this.#secrets.getSelectedStorageBackend?.() === 'basic_text')
      throw new ServiceError(
        'not-configured',
        'This system offers no secure storage for secrets (on Linux: GNOME Keyring, KWallet or another Secret Service), so Earshot will not keep a Spotify sign-in.',
      );
    const encrypted = await this.#secrets.encryptStringAsync(JSON.stringify(tokens));
    this.#settings.set(key, { version: 1, encrypted: encrypted.toString('base64') });
  }

  clear(): Promise<void> {
    this.#settings.set(key, null);
    return Promise.resolve();
  }
}
