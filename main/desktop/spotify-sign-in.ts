import type { SpotifyAccount } from '../core/spotify/account/spotify-account.ts';

/** The menu's Spotify items. */
export interface SpotifyMenuActions {
  readonly spotifySignIn: () => Promise<void>;
  readonly spotifySignOut: () => Promise<void>;
}

export interface SpotifyMenuDeps {
  /** Absent only if the app was composed without a vault: both items then just show Settings. */
  readonly account: SpotifyAccount | undefined;
  /** Shows the page's Settings, where the account's state and any problem are shown. */
  readonly showSettings: () => void;
  /** A message box: what happened, and what to do. */
  readonly tell: (message: string, detail: string) => Promise<void>;
}

/**
 * Spotify › Sign in… starts the sign-in at once when a client id is known (Spotify's page opens
 * in the system browser, through the account's `openBrowser`) and shows Settings, which follows
 * it to the end; without a client id, Settings asks for one. Spotify › Sign out forgets the
 * tokens and says how to withdraw the access on Spotify's side too.
 */
export function createSpotifyMenuActions(deps: SpotifyMenuDeps): SpotifyMenuActions {
  return {
    async spotifySignIn() {
      const { account } = deps;
      const status = await account?.status();
      if (account && status?.clientId != null && status.status !== 'signing-in') {
        const started = await account.signIn(undefined);
        if (!started.ok) await deps.tell('Spotify sign-in did not start', started.error.message);
      }
      deps.showSettings();
    },
    async spotifySignOut() {
      const { account } = deps;
      if (account === undefined) return deps.showSettings();
      const status = await account.status();
      await account.signOut(false);
      await deps.tell(
        status.user === null ? 'Earshot was not signed in to Spotify' : 'Signed out of Spotify',
        'Earshot deleted its Spotify tokens. To withdraw its access on Spotify too, remove the app at https://www.spotify.com/account/apps/.',
      );
    },
  };
}
