import type { MethodName, Preferences, RequestOf } from '../contract/index.ts';

/** A request that does not match the contract; becomes `{ code: 'invalid-request' }`. */
export class InvalidRequest extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidRequest';
  }
}

const limits = { maxSongsToRate: 50, maxRecommendations: 50, maxExclude: 1000 } as const;

function record(value: unknown, where: string): Record<string, unknown> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value))
    throw new InvalidRequest(`${where} must be an object`);
  return value as Record<string, unknown>;
}

function onlyKeys(value: Record<string, unknown>, keys: readonly string[], where: string): void {
  const extra = Object.keys(value).find((k) => !keys.includes(k));
  if (extra !== undefined) throw new InvalidRequest(`${where} has an unknown field "${extra}"`);
}

function integer(value: unknown, name: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new InvalidRequest(`${name} must be a whole number from ${min} to ${max}`);
  }
  return value;
}

function optionalInteger(
  value: unknown,
  name: string,
  min: number,
  max: number,
): number | undefined {
  return value === undefined ? undefined : integer(value, name, min, max);
}

function trackIds(value: unknown, name: string): number[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.length > limits.maxExclude) {
    throw new InvalidRequest(`${name} must be a list of at most ${limits.maxExclude} track ids`);
  }
  return value.map((id, i) => integer(id, `${name}[${i}]`, 1, Number.MAX_SAFE_INTEGER));
}

function strategy(value: unknown): Preferences['strategy'] | undefined {
  if (value === undefined || value === 'random' || value === 'smart') return value;
  throw new InvalidRequest('strategy must be "random" or "smart"');
}

type Parsers = { [K in MethodName]: (value: unknown) => RequestOf<K> };

const parsers: Parsers = {
  getState: () => undefined,
  startOver: () => undefined,
  songsToRate(value) {
    const r = record(value, 'request');
    onlyKeys(r, ['count', 'strategy', 'exclude'], 'request');
    return {
      count: optionalInteger(r.count, 'count', 1, limits.maxSongsToRate),
      strategy: strategy(r.strategy),
      exclude: trackIds(r.exclude, 'exclude'),
    };
  },
  skipSong(value) {
    const r = record(value, 'request');
    onlyKeys(r, ['trackId', 'exclude'], 'request');
    return {
      trackId: integer(r.trackId, 'trackId', 1, Number.MAX_SAFE_INTEGER),
      exclude: trackIds(r.exclude, 'exclude'),
    };
  },
  submitRatings(value) {
    const r = record(value, 'request');
    onlyKeys(r, ['ratings'], 'request');
    if (
      !Array.isArray(r.ratings) ||
      r.ratings.length === 0 ||
      r.ratings.length > limits.maxSongsToRate
    ) {
      throw new InvalidRequest(`ratings must be a list of 1 to ${limits.maxSongsToRate} ratings`);
    }
    return {
      ratings: r.ratings.map((item, i) => {
        const rating = record(item, `ratings[${i}]`);
        onlyKeys(rating, ['trackId', 'stars'], `ratings[${i}]`);
        return {
          trackId: integer(rating.trackId, `ratings[${i}].trackId`, 1, Number.MAX_SAFE_INTEGER),
          stars: integer(rating.stars, `ratings[${i}].stars`, 1, 5),
        };
      }),
    };
  },
  recommend(value) {
    const r = record(value, 'request');
    onlyKeys(r, ['count'], 'request');
    return { count: optionalInteger(r.count, 'count', 1, limits.maxRecommendations) };
  },
  setPreferences(value) {
    const r = record(value, 'request');
    onlyKeys(r, ['songsToRate', 'recommendations', 'strategy'], 'request');
    const songsToRate = optionalInteger(r.songsToRate, 'songsToRate', 1, limits.maxSongsToRate);
    const recommendations = optionalInteger(
      r.recommendations,
      'recommendations',
      1,
      limits.maxRecommendations,
    );
    const chosen = strategy(r.strategy);
    return {
      ...(songsToRate === undefined ? {} : { songsToRate }),
      ...(recommendations === undefined ? {} : { recommendations }),
      ...(chosen === undefined ? {} : { strategy: chosen }),
    };
  },
};

/** Checks an untrusted request (IPC payload, HTTP body) against the contract. */
export function parseRequest<K extends MethodName>(method: K, value: unknown): RequestOf<K> {
  return parsers[method](value);
}

export function isMethodName(value: unknown): value is MethodName {
  return typeof value === 'string' && Object.hasOwn(parsers, value);
}
