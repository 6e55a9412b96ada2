import type {
  SavedPlaylistView,
  SavePlaylistRequest,
  SpotifyAccountView,
  SpotifyImportSummary,
} from '../../main/core/contract/index.ts';

/**
 * The Spotify account as the page sees it through the contract, in memory: a sign-in stays
 * `signing-in` until the test calls {@link finishSignIn}, as it would until the browser came
 * back; playlists saved under one list label keep one id.
 */
export class FakeSpotifyAccount {
  view: SpotifyAccountView = {
    status: 'signed-out',
    user: null,
    clientId: null,
    redirectUri: 'http://127.0.0.1/callback',
    authorizeUrl: null,
    lastError: null,
    scopes: ['user-top-read'],
    storage: 'the test',
    tasteWeights: { top: 12, saved: 6, recent: 1, playlist: 3 },
  };
  readonly saved = new Map<string, { id: string; trackIds: readonly number[]; name: string }>();

  signIn(clientId: string | undefined): { authorizeUrl: string; opened: boolean } {
    const authorizeUrl = 'https://accounts.spotify.com/authorize?client_id=test';
    this.view = {
      ...this.view,
      status: 'signing-in',
      clientId: clientId ?? this.view.clientId,
      authorizeUrl,
      lastError: null,
    };
    return { authorizeUrl, opened: false };
  }

  /** The browser came back: signed in as `displayName`, or the sign-in failed with `error`. */
  finishSignIn(displayName: string, error?: { code: string; message: string }): void {
    this.view = error
      ? { ...this.view, status: 'signed-out', authorizeUrl: null, lastError: error }
      : {
          ...this.view,
          status: 'signed-in',
          authorizeUrl: null,
          user: { id: displayName.toLowerCase(), displayName },
        };
  }

  signOut(): SpotifyAccountView {
    this.view = { ...this.view, status: 'signed-out', user: null, authorizeUrl: null };
    return this.view;
  }

  importSummary(): SpotifyImportSummary {
    return {
      read: { top: 150, saved: 40, recent: 50, playlist: 12 },
      playlists: 2,
      catalog: { added: 180, enriched: 20, updated: 0, duplicates: 0 },
      tracks: 200,
      skipped: 3,
    };
  }

  save(request: SavePlaylistRequest): SavedPlaylistView {
    const earlier = this.saved.get(request.source);
    const id = earlier?.id ?? `pl${this.saved.size + 1}`;
    const name = request.name ?? 'Earshot picks';
    const trackIds = request.trackIds ?? [];
    this.saved.set(request.source, { id, trackIds, name });
    return {
      playlistId: id,
      url: `https://open.spotify.com/playlist/${id}`,
      name,
      created: earlier === undefined,
      saved: trackIds.length,
      missing: 0,
    };
  }
}
