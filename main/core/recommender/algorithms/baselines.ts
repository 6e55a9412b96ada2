import type { IndexedRatings } from './indexed-ratings.ts';

/** Biases only: r̂(u, i) = μ + b_u + b_i, with a term dropped when its side is unknown. */
export interface BiasModel {
  readonly globalMean: number;
  readonly userBias: Float64Array;
  readonly itemBias: Float64Array;
}

/** Options of {@link fitBaselineOnly}, with Surprise's BaselineOnly defaults. */
export interface BaselineOnlyOptions {
  /** Alternating passes. Default 10. */
  readonly epochs?: number;
  /** λ_u. Default 15. */
  readonly regUser?: number;
  /** λ_i. Default 10. */
  readonly regItem?: number;
}

/**
 * Surprise's BaselineOnly with its default method, alternating least squares: each epoch sets
 *   b_i = Σ_{u ∈ U_i} (r_ui − μ − b_u) / (λ_i + |U_i|),  then
 *   b_u = Σ_{i ∈ I_u} (r_ui − μ − b_i) / (λ_u + |I_u|),
 * starting from zero biases. Deterministic: no seed, no learning rate.
 */
export function fitBaselineOnly(
  data: IndexedRatings,
  options: BaselineOnlyOptions = {},
): BiasModel {
  const epochs = options.epochs ?? 10;
  const regUser = options.regUser ?? 15;
  const regItem = options.regItem ?? 10;
  if (!Number.isInteger(epochs) || epochs < 0)
    throw new RangeError(`epochs must be an integer ≥ 0, got ${epochs}`);
  if (!(regUser >= 0) || !(regItem >= 0)) throw new RangeError('regUser and regItem must be ≥ 0');
  const { users, items, ratings, globalMean: mu } = data;
  const userBias = new Float64Array(data.userIds.length);
  const itemBias = new Float64Array(data.itemIds.length);
  const userCount = new Float64Array(userBias.length);
  const itemCount = new Float64Array(itemBias.length);
  for (let r = 0; r < ratings.length; r++) {
    userCount[users[r]]++;
    itemCount[items[r]]++;
  }
  for (let epoch = 0; epoch < epochs; epoch++) {
    itemBias.fill(0);
    for (let r = 0; r < ratings.length; r++)
      itemBias[items[r]] += ratings[r] - mu - userBias[users[r]];
    for (let i = 0; i < itemBias.length; i++) itemBias[i] /= regItem + itemCount[i];
    userBias.fill(0);
    for (let r = 0; r < ratings.length; r++)
      userBias[users[r]] += ratings[r] - mu - itemBias[items[r]];
    for (let u = 0; u < userBias.length; u++) userBias[u] /= regUser + userCount[u];
  }
  return { globalMean: mu, userBias, itemBias };
}

/** The estimate of a {@link BiasModel} for dense indices, −1 meaning unknown (term dropped). */
export function estimateBias(model: BiasModel, user: number, item: number): number {
  return (
    model.globalMean +
    (user >= 0 ? model.userBias[user] : 0) +
    (item >= 0 ? model.itemBias[item] : 0)
  );
}

/** The popularity baseline: how many ratings each item has, and its shrunken mean rating. */
export interface PopularityModel {
  readonly globalMean: number;
  readonly ratingCount: Int32Array;
  /** (Σ r + m μ) / (n_i + m) with m = {@link popularityDamping}: an item mean pulled towards μ. */
  readonly meanRating: Float64Array;
}

/** Pseudo-ratings at μ added to every item's mean, so a song rated once is not a 5-star hit. */
const popularityDamping = 5;

/**
 * Popularity: ranks items by their number of ratings, the same list for everyone, and predicts
 * an item's damped mean rating (μ for an unknown item) so it can be scored on RMSE too.
 */
export function fitPopularity(data: IndexedRatings): PopularityModel {
  const ratingCount = new Int32Array(data.itemIds.length);
  const sums = new Float64Array(data.itemIds.length);
  for (let r = 0; r < data.ratings.length; r++) {
    ratingCount[data.items[r]]++;
    sums[data.items[r]] += data.ratings[r];
  }
  const m = popularityDamping;
  const meanRating = sums.map((sum, i) => (sum + m * data.globalMean) / (ratingCount[i] + m));
  return { globalMean: data.globalMean, ratingCount, meanRating };
}
