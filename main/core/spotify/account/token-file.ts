import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { isAccountTokens } from './account-tokens.ts';
import type { AccountTokens, TokenVault, VaultRead } from './account-tokens.ts';
import type { Keyring } from './os-keyring.ts';

/** The file's two forms: encrypted with the keyring's key, or plain (no keyring on this system). */
type StoredFile =
  | { version: 1; encryption: 'aes-256-gcm'; iv: string; tag: string; data: string }
  | { version: 1; encryption: 'none'; tokens: unknown };

function encrypt(tokens: AccountTokens, key: Buffer): StoredFile {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(JSON.stringify(tokens), 'utf8'), cipher.final()]);
  return {
    version: 1,
    encryption: 'aes-256-gcm',
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    data: data.toString('base64'),
  };
}

function decrypt(file: Extract<StoredFile, { encryption: 'aes-256-gcm' }>, key: Buffer): unknown {
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(file.iv, 'base64'));
  decipher.setAuthTag(Buffer.from(file.tag, 'base64'));
  const plain = Buffer.concat([
    decipher.update(Buffer.from(file.data, 'base64')),
    decipher.final(),
  ]);
  return JSON.parse(plain.toString('utf8'));
}

function unreadable(path: string): VaultRead {
  return {
    status: 'unreadable',
    message: `The Spotify sign-in in ${path} cannot be read on this system (its keyring key is gone); sign in again.`,
  };
}

/**
 * The terminal's and `earshot serve`'s Spotify sign-in: one JSON file in the data folder,
 * owner-only (0600) and replaced atomically. Its content is encrypted (AES-256-GCM) with a key
 * kept in the OS keyring when there is one; without, it is stored as is and the description
 * says so.
 */
export class TokenFile implements TokenVault {
  readonly #path: string;
  readonly #keyring: Keyring | undefined;
  #encrypted = false;

  constructor(path: string, keyring: Keyring | undefined) {
    this.#path = path;
    this.#keyring = keyring;
  }

  get description(): string {
    return this.#encrypted
      ? `${this.#path} (owner-only, encrypted with a key in ${this.#keyring?.name ?? 'the keyring'})`
      : `${this.#path} (owner-only, not encrypted: no keyring was found)`;
  }

  async read(): Promise<VaultRead> {
    let file: StoredFile;
    try {
      file = JSON.parse(readFileSync(this.#path, 'utf8')) as StoredFile;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { status: 'none' };
      return unreadable(this.#path);
    }
    this.#encrypted = file.encryption === 'aes-256-gcm';
    if (file.encryption === 'none')
      return isAccountTokens(file.tokens)
        ? { status: 'ok', tokens: file.tokens }
        : unreadable(this.#path);
    const key = await this.#keyring?.lookup();
    if (key === undefined) return unreadable(this.#path);
    try {
      const tokens = decrypt(file, Buffer.from(key, 'base64'));
      return isAccountTokens(tokens) ? { status: 'ok', tokens } : unreadable(this.#path);
    } catch {
      return unreadable(this.#path);
    }
  }

  async write(tokens: AccountTokens): Promise<void> {
    const decoded = await this.#fileKey();
    const file: StoredFile =
      decoded?.length === 32
        ? encrypt(tokens, decoded)
        : { version: 1, encryption: 'none', tokens };
    this.#encrypted = file.encryption !== 'none';
    const temporary = `${this.#path}.${process.pid}.tmp`;
    writeFileSync(temporary, `${JSON.stringify(file)}\n`, { mode: 0o600 });
    chmodSync(temporary, 0o600);
    renameSync(temporary, this.#path);
  }

  /** The keyring's key, made and stored on first use; undefined without a keyring. */
  async #fileKey(): Promise<Buffer | undefined> {
    const keyring = this.#keyring;
    if (keyring === undefined) return undefined;
    let key = await keyring.lookup();
    if (key === undefined) {
      const fresh = randomBytes(32).toString('base64');
      key = (await keyring.store(fresh)) ? fresh : undefined;
    }
    return key === undefined ? undefined : Buffer.from(key, 'base64');
  }

  async clear(): Promise<void> {
    rmSync(this.#path, { force: true });
    await this.#keyring?.forget();
  }
}
