/** What the desktop's own methods take and answer (settings, Refresh data). */
import { parseSource } from '../spotify/parse-source.ts';
import { numberIn, optionalRequest, strictRequest } from './checks.ts';
import { quotesValue } from './errors.ts';
import { limits } from './limits.ts';
import { preferences } from './views.ts';
import { z } from './zod.ts';

/** The model the app trains; the other SVD options stay the app's tuned values. */
export const modelParameters = z.object({
  factors: numberIn(limits.factors),
  epochs: numberIn(limits.epochs),
  learningRate: numberIn(limits.learningRate),
  regularization: numberIn(limits.regularization),
});
export type ModelParameters = z.infer<typeof modelParameters>;

/** A change of model parameters: the fields given replace the saved ones. */
export const modelParametersRequest = optionalRequest({
  factors: modelParameters.shape.factors.optional(),
  epochs: modelParameters.shape.epochs.optional(),
  learningRate: modelParameters.shape.learningRate.optional(),
  regularization: modelParameters.shape.regularization.optional(),
});

export const desktopSettings = z.object({
  preferences,
  spotify: z.object({
    /** Whether a client id and secret are saved; the values themselves never leave main. */
    hasSpotifyCredentials: z.boolean(),
    /** What Refresh data crawls, as the user typed it (links, URIs, `search:` queries). */
    sources: z.array(z.string()).readonly(),
  }),
  model: modelParameters,
});
export type DesktopSettings = z.infer<typeof desktopSettings>;

const credentialError = "must be the text Spotify's developer dashboard shows, without spaces";
const credential = z
  .string({ error: credentialError })
  .trim()
  .min(1, { error: credentialError })
  .max(limits.spotifyCredentialLength.max, { error: credentialError })
  .regex(/^\S+$/, { error: credentialError });

/** Write-only: the main process encrypts them; no method ever returns them. */
export const spotifyCredentialsRequest = strictRequest({
  clientId: credential,
  clientSecret: credential,
});
export type SpotifyCredentialsRequest = z.output<typeof spotifyCredentialsRequest>;

const sourcesError = `must be a list of at most ${limits.spotifySources.max} sources of at most ${limits.spotifySourceLength.max} characters`;

/**
 * Spotify links, URIs or `search:` queries, as typed: trimmed, blank ones dropped, the same
 * source given twice kept once. Every source the crawler cannot read is refused by name, so
 * one bad source refuses the lot.
 */
const sourceList = z
  .array(
    z.string({ error: sourcesError }).max(limits.spotifySourceLength.max, { error: sourcesError }),
    {
      error: sourcesError,
    },
  )
  .max(limits.spotifySources.max, { error: sourcesError })
  .readonly()
  .superRefine((texts, context) => {
    texts.forEach((text, index) => {
      // Blank lines are nothing; a text too long is refused by the check above already.
      if (text.trim() === '' || text.length > limits.spotifySourceLength.max) return;
      const parsed = parseSource(text.trim());
      if (!parsed.ok)
        context.addIssue({
          code: 'custom',
          message: parsed.error.message,
          path: [index],
          params: quotesValue,
        });
    });
  })
  .transform((texts): readonly string[] => {
    const kept = new Map<string, string>();
    for (const text of texts.map((t) => t.trim()).filter((t) => t !== '')) {
      const parsed = parseSource(text);
      if (parsed.ok && !kept.has(parsed.source.key)) kept.set(parsed.source.key, text);
    }
    return [...kept.values()];
  });

export const spotifySourcesRequest = strictRequest({ sources: sourceList });
export type SpotifySourcesRequest = z.output<typeof spotifySourcesRequest>;

/** What one Refresh data did. */
export const refreshSummary = z.object({
  catalog: z.object({ inserted: z.number(), updated: z.number() }),
  /** `skipped` without Spotify credentials, sources or a crawler. */
  crawl: z.enum(['done', 'skipped']),
  ratingsWritten: z.number(),
  training: z.enum(['trained', 'up-to-date', 'no-ratings']),
  seconds: z.number(),
});
export type RefreshSummary = z.infer<typeof refreshSummary>;
