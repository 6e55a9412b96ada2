import { execFile } from 'node:child_process';

/**
 * A key kept in the OS's keyring through its own command-line tool, for encrypting the
 * terminal's token file: `secret-tool` (libsecret: GNOME Keyring, KWallet) on Linux and
 * `security` (the login Keychain) on macOS. Windows has no such tool; there the file relies on
 * `%APPDATA%`'s per-user permissions alone. Every call fails soft (`undefined`, `false`): no
 * keyring here, and the caller falls back to an owner-only file.
 */
export interface Keyring {
  lookup(): Promise<string | undefined>;
  /** Stores `key`; resolves to whether the keyring really kept it. */
  store(key: string): Promise<boolean>;
  forget(): Promise<void>;
  readonly name: string;
}

const service = 'Earshot';
const account = 'spotify-token-key';

function run(
  command: string,
  args: readonly string[],
  input?: string,
): Promise<string | undefined> {
  return new Promise((resolve) => {
    const child = execFile(command, args, { timeout: 10_000, encoding: 'utf8' }, (error, stdout) =>
      resolve(error ? undefined : stdout.trim()),
    );
    child.on('error', () => resolve(undefined));
    // A tool that exits without reading its input (nothing stored) closes the pipe first.
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(input ?? '');
  });
}

function secretTool(): Keyring {
  const lookup = async () =>
    (await run('secret-tool', ['lookup', 'service', service, 'account', account])) || undefined;
  return {
    name: 'the Secret Service keyring (GNOME Keyring or KWallet, through secret-tool)',
    lookup,
    async store(key) {
      const label = '--label=Earshot: key of the Spotify sign-in file';
      const stored = await run(
        'secret-tool',
        ['store', label, 'service', service, 'account', account],
        key,
      );
      // `store` prints nothing either way without a running keyring: read it back to be sure.
      return stored !== undefined && (await lookup()) === key;
    },
    async forget() {
      await run('secret-tool', ['clear', 'service', service, 'account', account]);
    },
  };
}

function macKeychain(): Keyring {
  return {
    name: 'the macOS login Keychain',
    lookup: async () =>
      (await run('security', ['find-generic-password', '-s', service, '-a', account, '-w'])) ||
      undefined,
    async store(key) {
      // `security` takes the password as an argument: visible to this user's own processes
      // for the instant the command runs, never written anywhere.
      const args = ['add-generic-password', '-U', '-s', service, '-a', account, '-w', key];
      return (await run('security', args)) !== undefined;
    },
    async forget() {
      await run('security', ['delete-generic-password', '-s', service, '-a', account]);
    },
  };
}

/** The keyring of `platform`, if it has a command-line tool for one. */
export function osKeyring(platform: NodeJS.Platform = process.platform): Keyring | undefined {
  if (platform === 'darwin') return macKeychain();
  if (platform === 'win32') return undefined;
  return secretTool();
}
