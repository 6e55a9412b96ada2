import { describe, expect, it } from 'vitest';
import { limits, parseDesktopRequest, parseRequest } from '../../../main/core/contract/index.ts';
import type { NumberRange } from '../../../main/core/contract/index.ts';

/** Whether the contract takes `value` for `check`. */
const accepts = (check: (value: number) => { ok: boolean }, value: number) => check(value).ok;

/** Each numeric limit, with the request field the schemas check it on. */
const numberFields: [string, NumberRange, (value: number) => { ok: boolean }][] = [
  ['songsToRate', limits.songsToRate, (v) => parseRequest('setPreferences', { songsToRate: v })],
  ['count', limits.songsToRate, (v) => parseRequest('songsToRate', { count: v })],
  [
    'recommendations',
    limits.recommendations,
    (v) => parseRequest('setPreferences', { recommendations: v }),
  ],
  ['count', limits.recommendations, (v) => parseRequest('recommend', { count: v })],
  [
    'stars',
    limits.stars,
    (v) => parseRequest('submitRatings', { ratings: [{ trackId: 1, stars: v }] }),
  ],
  ['factors', limits.factors, (v) => parseDesktopRequest('setModelParameters', { factors: v })],
  ['epochs', limits.epochs, (v) => parseDesktopRequest('setModelParameters', { epochs: v })],
  [
    'learningRate',
    limits.learningRate,
    (v) => parseDesktopRequest('setModelParameters', { learningRate: v }),
  ],
  [
    'regularization',
    limits.regularization,
    (v) => parseDesktopRequest('setModelParameters', { regularization: v }),
  ],
];

describe('limits', () => {
  it.each(numberFields)('are exactly what the schemas take for %s', (_name, range, check) => {
    expect(accepts(check, range.min)).toBe(true);
    expect(accepts(check, range.max)).toBe(true);
    expect(accepts(check, range.min - (range.isWhole ? 1 : 1e-9))).toBe(false);
    expect(accepts(check, range.max * 1.01 + (range.isWhole ? 1 : 0))).toBe(false);
    expect(accepts(check, Number.NaN)).toBe(false);
    // Whole numbers refuse a fraction; the others take one.
    const between = range.isWhole ? range.min + 0.5 : (range.min + range.max) / 2;
    expect(accepts(check, between)).toBe(!range.isWhole);
  });

  it('bound the lists a request may carry', () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
    const max = limits.excludedTracks.max;
    expect(parseRequest('songsToRate', { exclude: ids(max) }).ok).toBe(true);
    expect(parseRequest('songsToRate', { exclude: ids(max + 1) }).ok).toBe(false);
    const rating = { trackId: 1, stars: 3 };
    const ratings = (n: number) => ({ ratings: Array.from({ length: n }, () => rating) });
    expect(parseRequest('submitRatings', ratings(limits.songsToRate.max)).ok).toBe(true);
    expect(parseRequest('submitRatings', ratings(limits.songsToRate.max + 1)).ok).toBe(false);
    expect(parseRequest('submitRatings', ratings(0)).ok).toBe(false);
    const sources = (n: number) => ({
      sources: Array.from({ length: n }, (_, i) => `search:q${i}`),
    });
    expect(parseDesktopRequest('setSpotifySources', sources(limits.spotifySources.max)).ok).toBe(
      true,
    );
    expect(
      parseDesktopRequest('setSpotifySources', sources(limits.spotifySources.max + 1)).ok,
    ).toBe(false);
    const longest = `search:${'x'.repeat(limits.spotifySourceLength.max - 'search:'.length)}`;
    expect(parseDesktopRequest('setSpotifySources', { sources: [longest] }).ok).toBe(true);
    expect(parseDesktopRequest('setSpotifySources', { sources: [`${longest}x`] }).ok).toBe(false);
    const id = 'a'.repeat(limits.spotifyCredentialLength.max);
    expect(
      parseDesktopRequest('setSpotifyCredentials', { clientId: id, clientSecret: 's' }).ok,
    ).toBe(true);
    expect(
      parseDesktopRequest('setSpotifyCredentials', { clientId: `${id}a`, clientSecret: 's' }).ok,
    ).toBe(false);
  });

  it('are named in the refusal, with the field', () => {
    const refused = parseRequest('setPreferences', { songsToRate: limits.songsToRate.max + 1 });
    expect(!refused.ok && refused.error).toEqual({
      code: 'invalid-request',
      message: `songsToRate must be a whole number from ${limits.songsToRate.min} to ${limits.songsToRate.max}`,
      field: ['songsToRate'],
    });
  });
});
