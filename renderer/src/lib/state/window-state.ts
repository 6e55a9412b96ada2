import type { DesktopApi, EarshotApi } from '../../../../preload/api.ts';
import { RefreshProgress } from './refresh-progress.svelte.ts';
import { Session } from './session.svelte.ts';
import { SettingsState } from './settings.svelte.ts';

/** Everything the window shows, over one API. */
export interface WindowState {
  readonly session: Session;
  readonly settings: SettingsState;
  readonly refresh: RefreshProgress;
}

/**
 * Builds the window's state and ties its parts together: saved preferences reshape the rating
 * round, and a refresh that brought new songs can deal them to a listener who had run out.
 * `desktop` is `null` in the browser (see lib/api.ts).
 */
export function createWindowState(api: EarshotApi, desktop: DesktopApi | null): WindowState {
  const session = new Session(api);
  const settings = new SettingsState(api, desktop, {
    onPreferencesSaved: (now, before) => void session.preferencesChanged(now, before),
  });
  const refresh = new RefreshProgress(api, desktop, {
    onRefreshed: () => void session.catalogRefreshed(),
  });
  return { session, settings, refresh };
}
