import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AccountTokens } from '../../../../main/core/spotify/account/account-tokens.ts';
import { osKeyring } from '../../../../main/core/spotify/account/os-keyring.ts';
import type { Keyring } from '../../../../main/core/spotify/account/os-keyring.ts';
import { TokenFile } from '../../../../main/core/spotify/account/token-file.ts';
import { makeTempDir } from '../../../helpers/temp-dir.ts';

const tokens: AccountTokens = {
  clientId: 'client',
  accessToken: 'BQ-access-token-value-0123456789',
  refreshToken: 'AQ-refresh-token-value-0123456789',
  expiresAt: 1_900_000_000_000,
  scope: 'user-top-read',
  user: { id: 'ada', displayName: 'Ada' },
};

function memoryKeyring(): Keyring & { stored: string | undefined } {
  const keyring = {
    stored: undefined as string | undefined,
    name: 'a test keyring',
    lookup: () => Promise.resolve(keyring.stored),
    store: (key: string) => {
      keyring.stored = key;
      return Promise.resolve(true);
    },
    forget: () => Promise.resolve(void (keyring.stored = undefined)),
  };
  return keyring;
}

describe('the terminal token file', () => {
  it('is owner-only and encrypted with the keyring key: the tokens are not in it, and read back whole', async () => {
    const path = join(makeTempDir(), 'spotify-account.json');
    const keyring = memoryKeyring();
    const vault = new TokenFile(path, keyring);
    await vault.write(tokens);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const text = readFileSync(path, 'utf8');
    expect(text).not.toContain(tokens.refreshToken);
    expect(text).not.toContain(tokens.accessToken);
    expect(vault.description).toContain('encrypted with a key in a test keyring');
    expect(await new TokenFile(path, keyring).read()).toEqual({ status: 'ok', tokens });
  });

  it('cannot be read once the keyring key is gone, and says to sign in again', async () => {
    const path = join(makeTempDir(), 'spotify-account.json');
    const keyring = memoryKeyring();
    await new TokenFile(path, keyring).write(tokens);
    keyring.stored = Buffer.alloc(32, 7).toString('base64');
    const read = await new TokenFile(path, keyring).read();
    expect(read.status).toBe('unreadable');
    if (read.status === 'unreadable') expect(read.message).toMatch(/sign in again/);
  });

  it('without a keyring, keeps a plain owner-only file and says it is not encrypted', async () => {
    const path = join(makeTempDir(), 'spotify-account.json');
    const vault = new TokenFile(path, undefined);
    await vault.write(tokens);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(vault.description).toContain('not encrypted');
    expect(await vault.read()).toEqual({ status: 'ok', tokens });
    await vault.clear();
    expect(await vault.read()).toEqual({ status: 'none' });
  });
});

describe('the Secret Service keyring through secret-tool', () => {
  const path = process.env.PATH;
  afterEach(() => {
    process.env.PATH = path;
  });

  it('stores one key, finds it again and clears it (a stand-in secret-tool on PATH)', async () => {
    const bin = makeTempDir();
    const store = join(bin, 'stored-secret');
    // Keeps one secret in a file: `store` reads stdin, `lookup` prints it, `clear` removes it.
    writeFileSync(
      join(bin, 'secret-tool'),
      `#!/bin/sh\ncase "$1" in\n  store) cat > '${store}' ;;\n  lookup) [ -f '${store}' ] && cat '${store}' || exit 1 ;;\n  clear) rm -f '${store}' ;;\nesac\n`,
    );
    chmodSync(join(bin, 'secret-tool'), 0o755);
    process.env.PATH = `${bin}:${path ?? ''}`;
    const keyring = osKeyring('linux');
    if (keyring === undefined) throw new Error('Linux has a keyring');
    expect(await keyring.lookup()).toBeUndefined();
    const file = join(makeTempDir(), 'spotify-account.json');
    await new TokenFile(file, keyring).write(tokens);
    expect(Buffer.from(readFileSync(store, 'utf8'), 'base64')).toHaveLength(32);
    expect(await new TokenFile(file, keyring).read()).toEqual({ status: 'ok', tokens });
    await new TokenFile(file, keyring).clear();
    expect(await keyring.lookup()).toBeUndefined();
  });
});
