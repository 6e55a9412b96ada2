import { dirname, join } from 'node:path';
import { osKeyring } from '../core/spotify/account/os-keyring.ts';
import { TokenFile } from '../core/spotify/account/token-file.ts';

/**
 * The terminal's (and `earshot serve`'s) Spotify sign-in: `spotify-account.json` beside the
 * database, encrypted with a key in the OS keyring where one answers. `EARSHOT_KEYRING=none`
 * keeps the keyring out of it (tests, or a keyring that keeps prompting).
 */
export function cliTokenVault(databasePath: string, env: NodeJS.ProcessEnv): TokenFile {
  const keyring = env.EARSHOT_KEYRING === 'none' ? undefined : osKeyring();
  return new TokenFile(join(dirname(databasePath), 'spotify-account.json'), keyring);
}
