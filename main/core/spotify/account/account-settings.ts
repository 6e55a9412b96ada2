import type { Store } from '../../store/store.ts';
import { callbackPath } from './callback-listener.ts';

/**
 * The account's plain settings (nothing secret: a client id is public, and PKCE needs no
 * secret). The tokens live in the face's vault, never here.
 */
const clientIdKey = 'spotify.account.clientId';
const portKey = 'spotify.account.redirectPort';

export function readClientId(store: Store, env: NodeJS.ProcessEnv): string | null {
  const stored = store.settings.get(clientIdKey);
  if (typeof stored === 'string' && stored !== '') return stored;
  return env.SPOTIFY_CLIENT_ID?.trim() || null;
}

export function writeClientId(store: Store, clientId: string): void {
  store.settings.set(clientIdKey, clientId);
}

/** 0 (the default): any free port, with the redirect registered without one. */
export function readRedirectPort(store: Store): number {
  const stored = store.settings.get(portKey);
  return typeof stored === 'number' && Number.isInteger(stored) && stored >= 0 && stored <= 65535
    ? stored
    : 0;
}

export function writeRedirectPort(store: Store, port: number): void {
  store.settings.set(portKey, port);
}

/** The redirect URI to add in Spotify's dashboard for `port`. */
export function registeredRedirectUri(port: number): string {
  return port === 0 ? `http://127.0.0.1${callbackPath}` : `http://127.0.0.1:${port}${callbackPath}`;
}
