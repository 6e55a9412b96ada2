import type { Store } from '../../store/store.ts';
import { localListenerId } from '../../store/user-repository.ts';
import { SpotifyClient } from '../spotify-client.ts';
import { resolveEndpoints } from '../spotify-config.ts';
import type { SpotifyEndpoints } from '../spotify-config.ts';
import type { SpotifyFailure } from '../spotify-error.ts';
import {
  readClientId,
  readRedirectPort,
  registeredRedirectUri,
  writeClientId,
} from './account-settings.ts';
import type { AccountTokens, AccountUser, TokenVault } from './account-tokens.ts';
import { describeAccountFailure } from './describe-failure.ts';
import { importListening } from './import-listening.ts';
import type { ListeningImportSummary } from './import-listening.ts';
import { readLibrary } from './library-read.ts';
import { playlistsMadeFor } from './playlist-target.ts';
import { savePlaylist } from './save-playlist.ts';
import type { PlaylistRequest, SavedPlaylist } from './save-playlist.ts';
import { accountScopes } from './scopes.ts';
import { startSignIn } from './sign-in.ts';
import { accountFailure } from './sign-in-failure.ts';
import type { AccountFailure, AccountResult } from './sign-in-failure.ts';
import { readTasteWeights, writeTasteWeights } from './taste-weights.ts';
import type { TasteWeights } from './taste-weights.ts';
import { UserSession } from './user-session.ts';

export interface SpotifyAccountDeps {
  readonly store: Store;
  readonly vault: TokenVault;
  /**
   * Opens Spotify's consent page in the system browser (the desktop's `shell.openExternal`).
   * Absent in the browser face, whose page opens it in a new tab itself.
   */
  readonly openBrowser?: ((url: string) => Promise<void> | void) | undefined;
  readonly env?: NodeJS.ProcessEnv;
  readonly signInTimeoutMs?: number;
}

export interface AccountStatus {
  readonly status: 'signed-out' | 'signing-in' | 'signed-in';
  readonly user: AccountUser | null;
  readonly clientId: string | null;
  readonly redirectUri: string;
  /** While signing in: Spotify's page, for a face that opens it itself. */
  readonly authorizeUrl: string | null;
  /** How the last sign-in or request failed, until the next one. */
  readonly lastError: AccountFailure | null;
  readonly scopes: readonly string[];
  readonly storage: string;
  readonly tasteWeights: TasteWeights;
}

/**
 * The listener's own Spotify account behind every face: sign in (PKCE), stay signed in
 * (tokens in the face's vault, refreshed as needed), read the account's listening as taste,
 * save lists as private playlists, sign out. Failures are values with a way forward.
 */
export class SpotifyAccount {
  readonly #deps: SpotifyAccountDeps;
  readonly #endpoints: SpotifyEndpoints;
  #session: UserSession | undefined;
  #pending: { authorizeUrl: string; cancel: AbortController } | undefined;
  #lastError: AccountFailure | null = null;

  constructor(deps: SpotifyAccountDeps) {
    this.#deps = deps;
    this.#endpoints = resolveEndpoints({}, deps.env ?? process.env);
  }

  async status(): Promise<AccountStatus> {
    const session = await this.#loadSession();
    const { store } = this.#deps;
    return {
      status: this.#pending ? 'signing-in' : session ? 'signed-in' : 'signed-out',
      user: session?.tokens.user ?? null,
      clientId: session?.tokens.clientId ?? readClientId(store, this.#env()),
      redirectUri: registeredRedirectUri(readRedirectPort(store)),
      authorizeUrl: this.#pending?.authorizeUrl ?? null,
      lastError: this.#lastError,
      scopes: accountScopes,
      storage: this.#deps.vault.description,
      tasteWeights: readTasteWeights(store),
    };
  }

  /**
   * Starts a sign-in and resolves once Spotify's page can be opened (the face opens it if no
   * `openBrowser` was given). The sign-in finishes in the background; `done` says how.
   */
  async signIn(clientId: string | undefined): Promise<
    AccountResult<{
      authorizeUrl: string;
      opened: boolean;
      done: Promise<AccountResult<AccountUser>>;
    }>
  > {
    const { store } = this.#deps;
    if (clientId !== undefined) writeClientId(store, clientId.trim());
    this.#pending?.cancel.abort();
    const cancel = new AbortController();
    const started = await startSignIn({
      clientId: readClientId(store, this.#env()) ?? '',
      ...this.#endpoints,
      port: readRedirectPort(store),
      timeoutMs: this.#deps.signInTimeoutMs,
      signal: cancel.signal,
    });
    if (!started.ok) return this.#failed(started.error);
    const { authorizeUrl, done } = started.value;
    this.#pending = { authorizeUrl, cancel };
    this.#lastError = null;
    const finished = done.then((result) => this.#finishSignIn(cancel, result));
    let opened = false;
    if (this.#deps.openBrowser) {
      await this.#deps.openBrowser(authorizeUrl);
      opened = true;
    }
    return { ok: true, value: { authorizeUrl, opened, done: finished } };
  }

  async #finishSignIn(
    cancel: AbortController,
    result: AccountResult<AccountTokens>,
  ): Promise<AccountResult<AccountUser>> {
    if (this.#pending?.cancel === cancel) this.#pending = undefined;
    if (!result.ok) {
      if (result.error.code !== 'cancelled') this.#lastError = result.error;
      return result;
    }
    try {
      await this.#deps.vault.write(result.value);
    } catch (error) {
      // No secure storage on this system (the desktop refuses to keep tokens in the clear).
      const message = error instanceof Error ? error.message : 'The sign-in could not be kept.';
      return this.#failed(accountFailure('sign-in-failed', message));
    }
    this.#session = this.#newSession(result.value);
    return { ok: true, value: result.value.user };
  }

  /** Forgets the sign-in (Spotify offers no revocation endpoint: see the README). */
  async signOut(forgetListening: boolean): Promise<void> {
    this.#pending?.cancel.abort();
    this.#pending = undefined;
    this.#session = undefined;
    this.#lastError = null;
    await this.#deps.vault.clear();
    if (forgetListening) {
      const { store } = this.#deps;
      const userId = store.users.find('local', localListenerId)?.id;
      if (userId !== undefined) store.signals.replaceAccountSignals(userId, []);
    }
  }

  async importListening(
    weights: TasteWeights | undefined,
  ): Promise<AccountResult<ListeningImportSummary>> {
    const { store } = this.#deps;
    if (weights !== undefined) writeTasteWeights(store, weights);
    return this.#withClient(async (client, user) => {
      const library = await readLibrary(client, user.id, playlistsMadeFor(store, user.id));
      if (!library.ok) return library;
      const now = Math.floor(Date.now() / 1000);
      return {
        ok: true,
        value: importListening(store, library.value, readTasteWeights(store), now),
      };
    });
  }

  savePlaylist(request: PlaylistRequest): Promise<AccountResult<SavedPlaylist>> {
    return this.#withClient((client, user) =>
      savePlaylist(this.#deps.store, client, user.id, request),
    );
  }

  /** Stops a sign-in that is waiting for the browser. */
  close(): void {
    this.#pending?.cancel.abort();
  }

  async #withClient<T>(
    work: (
      client: SpotifyClient,
      user: AccountUser,
    ) => Promise<{ ok: true; value: T } | { ok: false; error: SpotifyFailure }>,
  ): Promise<AccountResult<T>> {
    const session = await this.#loadSession();
    if (session === undefined)
      return this.#failed(
        accountFailure('signed-out', 'Earshot is not signed in to Spotify. Sign in first.'),
      );
    const client = new SpotifyClient({
      tokens: session,
      ...this.#endpoints,
      retryAfterCapSeconds: 30,
    });
    try {
      const result = await work(client, session.tokens.user);
      if (result.ok) return result;
      const failure = describeAccountFailure(result.error);
      // A refused refresh token cleared the vault: the account is signed out now.
      if (failure.code === 'session-expired') this.#session = undefined;
      return this.#failed(failure);
    } finally {
      client.close();
    }
  }

  #failed(error: AccountFailure): { ok: false; error: AccountFailure } {
    this.#lastError = error;
    return { ok: false, error };
  }

  async #loadSession(): Promise<UserSession | undefined> {
    if (this.#session) return this.#session;
    const read = await this.#deps.vault.read();
    if (read.status === 'unreadable')
      this.#lastError = accountFailure('session-expired', read.message);
    if (read.status !== 'ok') return undefined;
    this.#session = this.#newSession(read.tokens);
    return this.#session;
  }

  #newSession(tokens: AccountTokens): UserSession {
    return new UserSession(this.#deps.vault, tokens, { accountsUrl: this.#endpoints.accountsUrl });
  }

  #env(): NodeJS.ProcessEnv {
    return this.#deps.env ?? process.env;
  }
}
