import { parseRequest } from '../../../../preload/api.ts';
import type {
  EarshotApi,
  SavedPlaylistView,
  SpotifyAccountView,
  SpotifyImportSummary,
  TasteWeightsView,
} from '../../../../preload/api.ts';

export type SpotifyTask = 'loading' | 'signing-in' | 'signing-out' | 'importing' | 'saving';

/** A list that can be saved as a playlist: the picks, the loved songs or a past set. */
export type PlaylistList = 'picks' | 'loved' | `set:${number}`;

export interface SpotifyAccountHooks {
  /** Opens Spotify's consent page in a new tab (the browser face; the desktop opens it itself). */
  readonly openTab?: (url: string) => void;
  /** Waits between two looks at a sign-in in progress. */
  readonly wait?: (ms: number) => Promise<void>;
}

/** How often the page looks whether the browser came back from Spotify. */
const pollMs = 1000;

/** The page's `window.open`; this module is also type-checked (and tested) without the DOM. */
function openInNewTab(url: string): void {
  const page = globalThis as { open?: (url: string, target: string, features: string) => unknown };
  page.open?.(url, '_blank', 'noopener,noreferrer');
}

/**
 * The listener's own Spotify account, as every face shows it: who is signed in, signing in
 * (Spotify's page opens in the system browser, or here in a new tab, and the page watches
 * until it comes back), reading the account's listening as taste, saving a list as a private
 * playlist, and signing out. Tokens never reach the page: it sees only the account's view.
 */
export class SpotifyAccountState {
  account = $state.raw<SpotifyAccountView | null>(null);
  task = $state<SpotifyTask | null>(null);
  error = $state<string | null>(null);
  imported = $state.raw<SpotifyImportSummary | null>(null);
  saved = $state.raw<SavedPlaylistView | null>(null);
  /** Which list {@link saved} is of. */
  savedList = $state<PlaylistList | null>(null);

  readonly isSignedIn = $derived(this.account?.status === 'signed-in');
  readonly isSigningIn = $derived(this.account?.status === 'signing-in');

  readonly #api: EarshotApi;
  readonly #openTab: (url: string) => void;
  readonly #wait: (ms: number) => Promise<void>;
  #watching = false;
  #disposed = false;

  constructor(api: EarshotApi, hooks: SpotifyAccountHooks = {}) {
    this.#api = api;
    this.#openTab = hooks.openTab ?? openInNewTab;
    this.#wait = hooks.wait ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  async load(): Promise<void> {
    const answer = await this.#api.spotifyAccount();
    if (answer.ok) this.account = answer.value;
    // A face without accounts (`not-configured`) simply shows none.
    else if (answer.error.code !== 'not-configured') this.error = answer.error.message;
    if (this.isSigningIn) void this.#watch();
  }

  /** Starts a sign-in; resolves once Spotify's page is open (the sign-in ends in the browser). */
  async signIn(clientId: string): Promise<boolean> {
    const request = clientId.trim() === '' ? {} : { clientId };
    const checked = parseRequest('spotifySignIn', request);
    if (!checked.ok) {
      this.error = checked.error.message;
      return false;
    }
    this.error = null;
    this.task = 'signing-in';
    const answer = await this.#api.spotifySignIn(request);
    this.task = null;
    if (!answer.ok) {
      this.error = answer.error.message;
      return false;
    }
    if (!answer.value.opened) this.#openTab(answer.value.authorizeUrl);
    await this.load();
    // The browser may have come back already (a quick refusal): say how it ended.
    if (!this.isSigningIn && this.account?.lastError) this.error = this.account.lastError.message;
    return true;
  }

  async signOut(forgetListening: boolean): Promise<void> {
    this.task = 'signing-out';
    const answer = await this.#api.spotifySignOut({ forgetListening });
    this.task = null;
    if (answer.ok) {
      this.account = answer.value;
      this.imported = null;
      this.saved = null;
      this.savedList = null;
      this.error = null;
    } else this.error = answer.error.message;
  }

  async importListening(weights?: TasteWeightsView): Promise<boolean> {
    this.task = 'importing';
    this.error = null;
    const answer = await this.#api.importSpotifyListening(weights ? { weights } : {});
    this.task = null;
    if (answer.ok) this.imported = answer.value;
    else await this.#failed(answer.error.message);
    return answer.ok;
  }

  /**
   * Saves a list as a private playlist: `picks` with its songs, `loved`, or a past set (whose
   * songs the core reads).
   */
  async savePlaylist(
    source: PlaylistList,
    options: { trackIds?: readonly number[]; name?: string; description?: string } = {},
  ): Promise<boolean> {
    const request = {
      source,
      ...(options.trackIds ? { trackIds: [...options.trackIds] } : {}),
      ...(options.name?.trim() ? { name: options.name } : {}),
      ...(options.description?.trim() ? { description: options.description } : {}),
    };
    const checked = parseRequest('saveSpotifyPlaylist', request);
    if (!checked.ok) {
      this.error = checked.error.message;
      return false;
    }
    this.task = 'saving';
    this.error = null;
    this.saved = null;
    this.savedList = null;
    const answer = await this.#api.saveSpotifyPlaylist(request);
    this.task = null;
    if (answer.ok) {
      this.saved = answer.value;
      this.savedList = source;
    } else await this.#failed(answer.error.message);
    return answer.ok;
  }

  dispose(): void {
    this.#disposed = true;
  }

  /** A failed request may have signed the account out (a revoked sign-in): show that too. */
  async #failed(message: string): Promise<void> {
    this.error = message;
    const answer = await this.#api.spotifyAccount();
    if (answer.ok) this.account = answer.value;
  }

  /** Looks again every second until the sign-in has ended, one way or another. */
  async #watch(): Promise<void> {
    if (this.#watching) return;
    this.#watching = true;
    try {
      while (this.isSigningIn && !this.#disposed) {
        await this.#wait(pollMs);
        const answer = await this.#api.spotifyAccount();
        if (!answer.ok) break;
        this.account = answer.value;
      }
      if (this.account?.lastError) this.error = this.account.lastError.message;
    } finally {
      this.#watching = false;
    }
  }
}
