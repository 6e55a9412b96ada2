import { SpotifyAccount } from '../../core/spotify/account/spotify-account.ts';
import { dbOption, parseCommandArgs } from '../arguments.ts';
import type { CliIo } from '../cli-io.ts';
import { withStore } from '../command.ts';
import { cliTokenVault } from '../spotify-vault.ts';

/** Runs `earshot logout`; resolves to the exit code. */
export async function run(args: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(args, {
    ...dbOption,
    'forget-listening': { type: 'boolean' },
  });
  return withStore(values.db, io, 'existing', async (store) => {
    const account = new SpotifyAccount({
      store,
      vault: cliTokenVault(store.path, io.env),
      env: io.env,
    });
    const before = await account.status();
    await account.signOut(values['forget-listening'] === true);
    io.out(
      `${before.user === null ? 'Earshot was not signed in to Spotify' : `Signed out of Spotify (${before.user.displayName})`}; its tokens are deleted${values['forget-listening'] ? ', and so is the taste your account gave' : ''}.\n` +
        'To withdraw the access on Spotify too, remove the app at https://www.spotify.com/account/apps/.\n',
    );
    return 0;
  });
}
