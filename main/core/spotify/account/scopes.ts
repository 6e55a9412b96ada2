/**
 * The narrowest scopes that serve what Earshot does with an account, each for one reason.
 * Reading your profile (`GET /me`: id and display name) needs no scope.
 */
export const accountScopes = [
  /** `GET /me/top/tracks`: your top tracks, the strongest taste signal. */
  'user-top-read',
  /** `GET /me/player/recently-played`: your last 50 plays. */
  'user-read-recently-played',
  /** `GET /me/tracks`: your saved ("liked") songs. */
  'user-library-read',
  /** `GET /me/playlists` and `/playlists/{id}/items` of your private playlists. */
  'playlist-read-private',
  /** `POST /me/playlists`, `PUT /playlists/{id}`, `PUT|POST /playlists/{id}/items`: the private playlist Earshot saves. */
  'playlist-modify-private',
] as const;
