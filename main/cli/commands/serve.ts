import { composeEarshot } from '../../core/compose.ts';
import { ensureRendererBuilt, rendererOutDir } from '../../web/renderer-build.ts';
import { checkPortFree } from '../../web/listen.ts';
import { startWebServer } from '../../web/web-server.ts';
import type { WebServer } from '../../web/web-server.ts';
import { dbOption, integerOption, parseCommandArgs } from '../arguments.ts';
import type { CliIo } from '../cli-io.ts';
import { openCliStore } from '../command.ts';
import { openInBrowser } from '../open-browser.ts';
import { cliTokenVault } from '../spotify-vault.ts';

export interface RunningServe {
  readonly server: WebServer;
  stop(): Promise<void>;
}

/** Starts everything `earshot serve` runs; the command then waits for Ctrl-C. */
export async function startServe(
  options: { db?: string | undefined; port: number },
  io: CliIo,
): Promise<RunningServe> {
  await checkPortFree(options.port);
  await ensureRendererBuilt(() => io.err('Building the web page (first run after a change)…\n'));
  const store = openCliStore(options.db, io, 'create');
  const earshot = composeEarshot({
    store,
    // The page opens Spotify's sign-in in a new tab of the browser it runs in.
    spotifyVault: () => cliTokenVault(store.path, io.env),
    // From here on a statement never blocks the server for long: writes that find another
    // process holding the lock wait for it asynchronously (the app service does).
    interactive: true,
    onInternalError: (error) => io.err(`internal error: ${String(error)}\n`),
  });
  const { models, service } = earshot;
  if (earshot.bootstrapped)
    io.err('New database: loaded the embedded catalog and simulated listeners.\n');
  let server: WebServer;
  try {
    server = await startWebServer({ service, staticDir: rendererOutDir, port: options.port });
  } catch (error) {
    earshot.close();
    throw error;
  }
  // Load (or start training) the model once the address is out: the page needs a few hundred
  // milliseconds to ask its first question, and the model is ready by then.
  let stopped = false;
  setImmediate(() => {
    if (!stopped && models.start().status === 'training')
      io.err('Training the model in the background…\n');
  });
  return {
    server,
    async stop() {
      stopped = true;
      await server.close();
      earshot.close();
    },
  };
}

/** Runs `earshot serve`; resolves to the exit code. */
export async function run(args: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(args, {
    ...dbOption,
    port: { type: 'string' },
    open: { type: 'boolean' },
  });
  const port = integerOption(values.port, 'port', 0, 0, 65535);
  const running = await startServe({ db: values.db, port }, io);
  io.out(`Earshot is at ${running.server.url} (Ctrl-C to stop)\n`);
  if (values.open) openInBrowser(running.server.url);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await running.stop();
  return 0;
}
