import type { ErrorCode, MethodName, ParsedRequestOf, ResponseOf } from '../contract/index.ts';
import { limits } from '../contract/index.ts';
import type { SpotifyAccount } from '../spotify/account/spotify-account.ts';
import type { AccountErrorCode, AccountResult } from '../spotify/account/sign-in-failure.ts';
import type { Store } from '../store/store.ts';
import type { LocalListener } from './local-listener.ts';
import { ServiceError } from './service-error.ts';

type SpotifyMethod =
  | 'spotifyAccount'
  | 'spotifySignIn'
  | 'spotifySignOut'
  | 'importSpotifyListening'
  | 'saveSpotifyPlaylist';

type Handlers = {
  [K in SpotifyMethod & MethodName]: (request: ParsedRequestOf<K>) => Promise<ResponseOf<K>>;
};

/** How an account failure crosses the contract; the message carries the way forward. */
const errorCodeOf: Readonly<Record<AccountErrorCode, ErrorCode>> = {
  'no-client-id': 'not-configured',
  'signed-out': 'unauthorized',
  'session-expired': 'unauthorized',
  cancelled: 'cancelled',
  'access-denied': 'spotify-refused',
  'state-mismatch': 'spotify-refused',
  'callback-timeout': 'spotify-refused',
  'port-busy': 'spotify-refused',
  'sign-in-failed': 'spotify-refused',
  'not-allow-listed': 'spotify-refused',
  'premium-required': 'spotify-refused',
  'rate-limited': 'spotify-refused',
  'quota-exceeded': 'spotify-refused',
  unavailable: 'spotify-refused',
};

function valueOf<T>(result: AccountResult<T>): T {
  if (result.ok) return result.value;
  throw new ServiceError(errorCodeOf[result.error.code], result.error.message);
}

/** The songs you rated 4★ or more, best first, then most recently rated. */
function lovedSongs(listener: LocalListener): number[] {
  return listener
    .ratings()
    .filter((r) => r.rating >= 4)
    .sort((a, b) => b.rating - a.rating || b.ratedAt - a.ratedAt)
    .slice(0, limits.excludedTracks.max)
    .map((r) => r.trackId);
}

function day(unixSeconds: number): string {
  return new Date(unixSeconds * 1000).toISOString().slice(0, 10);
}

/**
 * The songs of the list `source` names, with the name and description its playlist gets unless
 * the listener gave others: the current picks (sent by the face, as shown), the loved songs, or
 * a past set of picks (`set:ID`, read from the history unless the face sent its songs).
 */
function listToSave(
  store: Store,
  listener: LocalListener,
  request: ParsedRequestOf<'saveSpotifyPlaylist'>,
): { trackIds: readonly number[]; name: string; description: string } {
  const today = day(Date.now() / 1000);
  if (request.source === 'loved') {
    const trackIds = lovedSongs(listener);
    if (trackIds.length === 0)
      throw new ServiceError('invalid-request', 'There are no songs rated 4★ or more to save yet.');
    const description = `Made by Earshot on ${today} from the songs you rated 4★ or more.`;
    return { trackIds, name: 'Loved on Earshot', description };
  }
  const setId = /^set:(\d+)$/.exec(request.source)?.[1];
  if (setId !== undefined) {
    const set = store.pickSets.get(Number(setId));
    if (set === undefined)
      throw new ServiceError('not-found', `There is no past set of picks with id ${setId}.`);
    const made = day(set.madeAt);
    return {
      trackIds: request.trackIds ?? set.picks.map((pick) => pick.trackId),
      name: `Earshot picks of ${made}`,
      description: `Made by Earshot on ${made} from ${set.ratingCount} of your ratings.`,
    };
  }
  const trackIds = request.trackIds ?? [];
  if (trackIds.length === 0)
    throw new ServiceError('invalid-request', 'There are no songs to save.');
  return {
    trackIds,
    name: 'Earshot picks',
    description: `Made by Earshot on ${today} from your picks.`,
  };
}

/**
 * The account's methods. Without an account (a face that offers none) every one answers
 * `not-configured`.
 */
export function spotifyAccountHandlers(
  store: Store,
  listener: LocalListener,
  account: SpotifyAccount | undefined,
): Handlers {
  const need = (): SpotifyAccount => {
    if (account) return account;
    throw new ServiceError(
      'not-configured',
      'Spotify sign-in is not available in this face of Earshot.',
    );
  };
  return {
    spotifyAccount: () => need().status(),
    async spotifySignIn(request) {
      const started = valueOf(await need().signIn(request.clientId));
      // The outcome shows in `spotifyAccount` (status and lastError): the page polls it.
      void started.done;
      return { authorizeUrl: started.authorizeUrl, opened: started.opened };
    },
    async spotifySignOut(request) {
      await need().signOut(request.forgetListening);
      return need().status();
    },
    async importSpotifyListening(request) {
      return valueOf(await need().importListening(request.weights));
    },
    async saveSpotifyPlaylist(request) {
      const list = listToSave(store, listener, request);
      const name = request.name || list.name;
      const description = request.description ?? list.description;
      const saved = valueOf(
        await need().savePlaylist({
          label: request.source,
          trackIds: list.trackIds,
          name,
          description,
        }),
      );
      return { ...saved, name };
    },
  };
}
