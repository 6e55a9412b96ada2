/**
 * The listener's own Spotify account (Authorization Code with PKCE): its state, signing in and
 * out, reading its listening as taste, and saving lists as private playlists.
 */
import { numberIn, optionalRequest, strictRequest, trackIds } from './checks.ts';
import { limits } from './limits.ts';
import { z } from './zod.ts';

const weight = numberIn(limits.tasteWeight);

/** Each kind of account listening, in full plays of the listening-history model. */
export const tasteWeights = z.object({
  top: weight,
  saved: weight,
  recent: weight,
  playlist: weight,
});
export type TasteWeightsView = z.infer<typeof tasteWeights>;

export const spotifyAccountView = z.object({
  status: z.enum(['signed-out', 'signing-in', 'signed-in']),
  user: z.object({ id: z.string(), displayName: z.string() }).nullable(),
  /** The app's client id in use (public; no secret is needed or kept). */
  clientId: z.string().nullable(),
  /** What to add under Redirect URIs in the app's page on developer.spotify.com. */
  redirectUri: z.string(),
  /** While signing in: Spotify's page, for a face that opens it itself. */
  authorizeUrl: z.string().nullable(),
  /** How the last sign-in or account request failed, with what to do. */
  lastError: z.object({ code: z.string(), message: z.string() }).nullable(),
  scopes: z.array(z.string()).readonly(),
  /** Where the sign-in is kept, in words. */
  storage: z.string(),
  tasteWeights,
});
export type SpotifyAccountView = z.infer<typeof spotifyAccountView>;

const clientIdError = `must be a Spotify client id (letters, digits, - and _, at most ${limits.spotifyCredentialLength.max})`;
export const spotifySignInRequest = optionalRequest({
  /** Saved for next time; default the one saved before (or `SPOTIFY_CLIENT_ID`). */
  clientId: z
    .string({ error: clientIdError })
    .trim()
    .max(limits.spotifyCredentialLength.max, { error: clientIdError })
    .regex(/^[\w-]+$/, { error: clientIdError })
    .optional(),
});
export type SpotifySignInRequest = z.output<typeof spotifySignInRequest>;

export const spotifySignInResponse = z.object({
  authorizeUrl: z.string(),
  /** True when the main process opened it in the system browser already. */
  opened: z.boolean(),
});

export const spotifySignOutRequest = optionalRequest({
  /** Also remove the taste the account's listening gave (your ratings stay). */
  forgetListening: z.boolean({ error: 'must be true or false' }).default(false),
});

export const spotifyImportRequest = optionalRequest({
  /** New weights, saved before the import; default the saved ones. */
  weights: tasteWeights.optional(),
});
export type SpotifyImportRequest = z.output<typeof spotifyImportRequest>;

const perKind = z.object({
  top: z.number(),
  saved: z.number(),
  recent: z.number(),
  playlist: z.number(),
});

export const spotifyImportSummary = z.object({
  read: perKind,
  playlists: z.number(),
  catalog: z.object({
    added: z.number(),
    enriched: z.number(),
    updated: z.number(),
    duplicates: z.number(),
  }),
  /** Songs that now carry a signal from the account. */
  tracks: z.number(),
  skipped: z.number(),
});
export type SpotifyImportSummary = z.infer<typeof spotifyImportSummary>;

const labelError = 'must be picks, loved, or set:ID (the number of a past set of picks)';
const textOf = (max: number, what: string) => {
  const error = `must be ${what} of at most ${max} characters, on one line`;
  return z
    .string({ error })
    .trim()
    .max(max, { error })
    .regex(/^[^\r\n]*$/, { error });
};

export const savePlaylistRequest = strictRequest({
  /**
   * Which list: `picks` (the current picks), `loved` (songs you rated 4★ or more; the core
   * finds them) or `set:ID` (a past set of picks by its id; the core reads its songs). One
   * playlist per list: saving again updates it.
   */
  source: z
    .string({ error: labelError })
    .regex(/^(picks|loved|set:\d{1,12})$/, { error: labelError }),
  /** The songs, in order; required for `picks`, ignored for `loved`, optional for a set. */
  trackIds: trackIds.optional(),
  name: textOf(limits.playlistName.max, 'a name').optional(),
  description: textOf(limits.playlistDescription.max, 'a description').optional(),
});
export type SavePlaylistRequest = z.output<typeof savePlaylistRequest>;

export const savedPlaylist = z.object({
  playlistId: z.string(),
  /** `https://open.spotify.com/playlist/…` */
  url: z.string(),
  name: z.string(),
  /** False when the list's earlier playlist was updated in place. */
  created: z.boolean(),
  saved: z.number(),
  /** Songs Spotify has no recording of, left out. */
  missing: z.number(),
});
export type SavedPlaylistView = z.infer<typeof savedPlaylist>;
