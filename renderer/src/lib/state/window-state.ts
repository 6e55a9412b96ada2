import type { DesktopApi, EarshotApi } from '../../../../preload/api.ts';
import { Navigation } from './navigation.svelte.ts';
import type { NavigationHost } from './navigation.svelte.ts';
import { PickHistory } from './pick-history.svelte.ts';
import { PlaylistExport } from './playlist-export.svelte.ts';
import type { SaveFile } from './playlist-export.svelte.ts';
import { RefreshProgress } from './refresh-progress.svelte.ts';
import { Session } from './session.svelte.ts';
import { SettingsState } from './settings.svelte.ts';
import { SongSearch } from './song-search.svelte.ts';
import { TasteState } from './taste.svelte.ts';
import { YourRatingsState } from './your-ratings.svelte.ts';

/** Everything the window shows, over one API. */
export interface WindowState {
  readonly session: Session;
  readonly settings: SettingsState;
  readonly refresh: RefreshProgress;
  readonly navigation: Navigation;
  /** The Your ratings page, and search to rate there and on the round. */
  readonly yourRatings: YourRatingsState;
  readonly ratingsSearch: SongSearch;
  readonly roundSearch: SongSearch;
  /** The History page's past sets of picks. */
  readonly history: PickHistory;
  /** Playlists out, from the results and the History page. */
  readonly playlists: PlaylistExport;
  readonly taste: TasteState;
}

/**
 * Builds the window's state and ties its parts together: saved preferences reshape the rating
 * round, and a refresh that brought new songs can deal them to a listener who had run out.
 * `desktop` is `null` in the browser (see lib/api.ts); `host` is the page's `window`, whose
 * address holds the page shown (`null` in tests that have none). File › New round goes back to
 * the round and deals a fresh one. `save` hands an exported playlist to the person (the page's
 * download; see lib/download.ts).
 */
export function createWindowState(
  api: EarshotApi,
  desktop: DesktopApi | null,
  host: NavigationHost | null = null,
  save: SaveFile = () => {
    throw new Error('this window was built without a way to save files');
  },
): WindowState {
  const session = new Session(api);
  const navigation = new Navigation(host, desktop, { onNewRound: () => void session.rateMore() });
  const settings = new SettingsState(api, desktop, {
    onPreferencesSaved: (now, before) => void session.preferencesChanged(now, before),
  });
  const refresh = new RefreshProgress(api, desktop, {
    onRefreshed: () => void session.catalogRefreshed(),
  });
  // The taste start: shown on a first run; when done, back to the round (dealt from the taste
  // unless the listener has started rating it).
  const taste = new TasteState(api, {
    onFirstRun: () => navigation.go('taste'),
    onDone: (fresh) => {
      navigation.go('round');
      if (fresh) void session.tasteChanged();
    },
  });
  // A rating given or changed on one page shows on the others.
  const changed = (listenerRatings: number) =>
    void session.ratingsChangedElsewhere(listenerRatings);
  const yourRatings = new YourRatingsState(api, { onChanged: changed });
  const ratingsSearch = new SongSearch(api, {
    onRated: (listenerRatings) => {
      changed(listenerRatings);
      void yourRatings.load();
    },
  });
  const roundSearch = new SongSearch(api, { onRated: changed });
  const history = new PickHistory(api);
  const playlists = new PlaylistExport(api, save);
  return {
    session,
    settings,
    refresh,
    navigation,
    yourRatings,
    ratingsSearch,
    roundSearch,
    history,
    playlists,
    taste,
  };
}
