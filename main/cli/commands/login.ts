import { writeRedirectPort } from '../../core/spotify/account/account-settings.ts';
import { SpotifyAccount } from '../../core/spotify/account/spotify-account.ts';
import type { AccountStatus } from '../../core/spotify/account/spotify-account.ts';
import type { ListeningImportSummary } from '../../core/spotify/account/import-listening.ts';
import type { Store } from '../../core/store/store.ts';
import { dbOption, integerOption, parseCommandArgs } from '../arguments.ts';
import type { CliIo } from '../cli-io.ts';
import { withStore } from '../command.ts';
import { exitCodeFor, withInterrupt } from '../interrupt.ts';
import { openInBrowser } from '../open-browser.ts';
import { cliTokenVault } from '../spotify-vault.ts';

export function describeAccount(status: AccountStatus): string {
  if (status.user === null) return 'Not signed in to Spotify.';
  return `Signed in to Spotify as ${status.user.displayName} (${status.user.id}); the sign-in is kept in ${status.storage}.`;
}

export function describeListeningImport(summary: ListeningImportSummary): string {
  const { read, catalog } = summary;
  return [
    `Read ${read.top} top tracks, ${read.saved} saved songs, ${read.recent} recent plays and ${read.playlist} songs of ${summary.playlists} own playlists.`,
    `Catalog: ${catalog.added} songs added, ${catalog.enriched} embedded songs given their Spotify details.`,
    `${summary.tracks} songs now carry your Spotify listening as taste${summary.skipped > 0 ? ` (${summary.skipped} items were not usable songs)` : ''}.`,
  ].join('\n');
}

async function importAndReport(account: SpotifyAccount, io: CliIo): Promise<number> {
  io.err('Reading your Spotify listening…\n');
  const imported = await account.importListening(undefined);
  if (!imported.ok) {
    io.err(`${imported.error.message}\n`);
    return 1;
  }
  io.out(`${describeListeningImport(imported.value)}\n`);
  return 0;
}

async function signIn(
  store: Store,
  io: CliIo,
  options: { clientId: string | undefined; open: boolean; timeoutMs: number; import: boolean },
): Promise<number> {
  const account = new SpotifyAccount({
    store,
    vault: cliTokenVault(store.path, io.env),
    env: io.env,
    signInTimeoutMs: options.timeoutMs,
    openBrowser: options.open ? openInBrowser : undefined,
  });
  const outcome = await withInterrupt(async (signal) => {
    signal.addEventListener('abort', () => account.close(), { once: true });
    const started = await account.signIn(options.clientId);
    if (!started.ok) {
      io.err(`${started.error.message}\n`);
      return 1;
    }
    io.out(
      `Sign in on Spotify's page${started.value.opened ? ' (opened in your browser)' : ''}:\n${started.value.authorizeUrl}\n`,
    );
    io.err(
      `Waiting for Spotify (up to ${Math.round(options.timeoutMs / 1000)} s; Ctrl-C to stop)…\n`,
    );
    const done = await started.value.done;
    if (!done.ok) {
      io.err(`${done.error.message}\n`);
      return 1;
    }
    io.out(`Signed in to Spotify as ${done.value.displayName}.\n`);
    return options.import ? importAndReport(account, io) : 0;
  });
  return outcome.done ? outcome.value : exitCodeFor(outcome.signal);
}

/** Runs `earshot login`; resolves to the exit code. */
export async function run(args: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(args, {
    ...dbOption,
    'client-id': { type: 'string' },
    port: { type: 'string' },
    timeout: { type: 'string' },
    'no-open': { type: 'boolean' },
    status: { type: 'boolean' },
    import: { type: 'boolean' },
  });
  const port =
    values.port === undefined ? undefined : integerOption(values.port, 'port', 0, 0, 65535);
  const timeoutMs = integerOption(values.timeout, 'timeout', 300, 1, 3600) * 1000;
  return withStore(values.db, io, 'create', async (store) => {
    if (port !== undefined) writeRedirectPort(store, port);
    if (values.status || values.import) {
      const account = new SpotifyAccount({
        store,
        vault: cliTokenVault(store.path, io.env),
        env: io.env,
      });
      const status = await account.status();
      if (values.status) {
        io.out(`${describeAccount(status)}\n`);
        if (status.lastError !== null) io.err(`${status.lastError.message}\n`);
        return status.user === null ? 1 : 0;
      }
      if (status.user !== null) return importAndReport(account, io);
    }
    return signIn(store, io, {
      clientId: values['client-id'],
      open: values['no-open'] !== true,
      timeoutMs,
      import: values.import === true,
    });
  });
}
