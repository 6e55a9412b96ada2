import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { accountFailure } from './sign-in-failure.ts';
import type { AccountFailure, AccountResult } from './sign-in-failure.ts';

/** The path Spotify sends the browser back to; the app's dashboard must list it. */
export const callbackPath = '/callback';

export interface CallbackOptions {
  /** 0: any free port (Spotify accepts any port for a loopback redirect registered without one). */
  readonly port: number;
  /** The `state` this sign-in sent; any other is refused. */
  readonly state: string;
  /** How long to wait for the browser; the listener closes after it. */
  readonly timeoutMs: number;
  readonly signal?: AbortSignal | undefined;
  /**
   * Turns the code into a session while the browser waits, so its tab can say how the sign-in
   * ended. Resolves to what the tab shows.
   */
  readonly finish: (code: string) => Promise<AccountResult<string>>;
}

export interface CallbackListener {
  /** `http://127.0.0.1:PORT/callback`: never `localhost`, which Spotify refuses. */
  readonly redirectUri: string;
  /** The sign-in's outcome: what `finish` said, or why no valid callback came. */
  readonly done: Promise<AccountResult<string>>;
}

function page(res: ServerResponse, status: number, title: string, text: string): void {
  const escape = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
    'Cache-Control': 'no-store',
    'Referrer-Policy': 'no-referrer',
  });
  res.end(
    `<!doctype html><meta charset="utf-8"><title>${escape(title)}</title>` +
      `<body style="font:16px system-ui;margin:3rem auto;max-width:32rem">` +
      `<h1 style="font-size:1.4rem">${escape(title)}</h1><p>${escape(text)}</p></body>`,
  );
}

/** What a callback's query says, checked against the sign-in's state. */
function readCallback(url: URL, state: string): AccountResult<string> {
  const params = url.searchParams;
  if (params.get('state') !== state)
    return {
      ok: false,
      error: accountFailure(
        'state-mismatch',
        'The answer from Spotify does not belong to this sign-in (its state differs), so Earshot ignored it. Start the sign-in again.',
      ),
    };
  const error = params.get('error');
  if (error === 'access_denied')
    return {
      ok: false,
      error: accountFailure(
        'access-denied',
        'You declined the sign-in on Spotify\'s page, so Earshot is not signed in. Sign in again and choose "Agree" to connect your account.',
      ),
    };
  const code = params.get('code');
  if (error !== null || code === null || code === '')
    return {
      ok: false,
      error: accountFailure(
        'sign-in-failed',
        `Spotify ended the sign-in without a code${error === null ? '' : ` (${error.slice(0, 80)})`}. Check that the app's redirect URI in Spotify's dashboard is http://127.0.0.1/callback, then sign in again.`,
      ),
    };
  return { ok: true, value: code };
}

function portBusy(port: number): AccountFailure {
  return accountFailure(
    'port-busy',
    `Port ${port} on 127.0.0.1 is in use by another program, so Earshot cannot receive Spotify's answer there. Close that program, or choose another port (and add http://127.0.0.1:PORT/callback to the app's redirect URIs in Spotify's dashboard).`,
  );
}

/**
 * A one-shot HTTP listener on 127.0.0.1 for Spotify's redirect. It serves one callback that
 * carries this sign-in's state, then closes; a wrong state, a refusal or the timeout close it
 * too. Other paths (a browser's favicon request) are answered 404 and change nothing.
 * Resolves once it listens, or to `port-busy` when the port is taken.
 */
export async function listenForCallback(
  options: CallbackOptions,
): Promise<AccountResult<CallbackListener>> {
  let settle: (result: AccountResult<string>) => void = () => undefined;
  const done = new Promise<AccountResult<string>>((resolve) => (settle = resolve));
  let handled = false;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method !== 'GET' || url.pathname !== callbackPath || handled) {
      page(res, 404, 'Not found', 'Earshot is waiting for Spotify here, nothing else.');
      return;
    }
    handled = true;
    const read = readCallback(url, options.state);
    const outcome = read.ok ? options.finish(read.value) : Promise.resolve(read);
    void outcome.then((result) => {
      if (result.ok)
        page(res, 200, 'Signed in to Earshot', `${result.value} You can close this tab.`);
      else page(res, 400, 'Earshot is not signed in', result.error.message);
      finish(result);
    });
  });
  const timer = setTimeout(
    () =>
      finish({
        ok: false,
        error: accountFailure(
          'callback-timeout',
          `No answer came from Spotify within ${Math.round(options.timeoutMs / 60_000) || 1} min, so Earshot stopped waiting. Sign in again and finish on Spotify's page in your browser.`,
        ),
      }),
    options.timeoutMs,
  );
  const onAbort = (): void =>
    finish({ ok: false, error: accountFailure('cancelled', 'The sign-in was cancelled.') });
  function finish(result: AccountResult<string>): void {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
    server.close();
    server.closeIdleConnections();
    settle(result);
  }
  const listening = await new Promise<AccountFailure | undefined>((resolve) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      resolve(
        error.code === 'EADDRINUSE' || error.code === 'EACCES'
          ? portBusy(options.port)
          : accountFailure(
              'sign-in-failed',
              `Earshot cannot listen on 127.0.0.1: ${error.message}`,
            ),
      ),
    );
    server.listen(options.port, '127.0.0.1', () => resolve(undefined));
  });
  if (listening !== undefined) {
    clearTimeout(timer);
    return { ok: false, error: listening };
  }
  if (options.signal?.aborted) onAbort();
  else options.signal?.addEventListener('abort', onAbort, { once: true });
  const { port } = server.address() as AddressInfo;
  return { ok: true, value: { redirectUri: `http://127.0.0.1:${port}${callbackPath}`, done } };
}
