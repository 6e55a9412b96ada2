import type { DesktopApi, EarshotApi } from '../../../../preload/api.ts';
import { Navigation } from './navigation.svelte.ts';
import type { NavigationHost } from './navigation.svelte.ts';
import { RefreshProgress } from './refresh-progress.svelte.ts';
import { Session } from './session.svelte.ts';
import { SettingsState } from './settings.svelte.ts';
import { TasteState } from './taste.svelte.ts';

/** Everything the window shows, over one API. */
export interface WindowState {
  readonly session: Session;
  readonly settings: SettingsState;
  readonly refresh: RefreshProgress;
  readonly navigation: Navigation;
  readonly taste: TasteState;
}

/**
 * Builds the window's state and ties its parts together: saved preferences reshape the rating
 * round, and a refresh that brought new songs can deal them to a listener who had run out.
 * `desktop` is `null` in the browser (see lib/api.ts); `host` is the page's `window`, whose
 * address holds the page shown (`null` in tests that have none). File › New round goes back to
 * the round and deals a fresh one.
 */
export function createWindowState(
  api: EarshotApi,
  desktop: DesktopApi | null,
  host: NavigationHost | null = null,
): WindowState {
  const session = new Session(api);
  const navigation = new Navigation(host, desktop, { onNewRound: () => void session.rateMore() });
  const settings = new SettingsState(api, desktop, {
    onPreferencesSaved: (now, before) => void session.preferencesChanged(now, before),
  });
  const refresh = new RefreshProgress(api, desktop, {
    onRefreshed: () => void session.catalogRefreshed(),
  });
  // The taste start: shown on a first run; when done, back to a round (a new one from the taste).
  const taste = new TasteState(api, {
    onFirstRun: () => navigation.go('taste'),
    onDone: (fresh) => {
      navigation.go('round');
      if (fresh) void session.rateMore();
    },
  });
  return { session, settings, refresh, navigation, taste };
}
