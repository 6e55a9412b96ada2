/**
 * Accuracy of predicted ratings against true ones, as Surprise's `accuracy` module defines them.
 * `estimates[t]` and `truth[t]` belong to the same test rating t.
 */

function checkPaired(estimates: ArrayLike<number>, truth: ArrayLike<number>): void {
  if (estimates.length !== truth.length) {
    throw new RangeError(
      `estimates (${estimates.length}) and truth (${truth.length}) differ in length`,
    );
  }
  if (truth.length === 0) throw new RangeError('no test ratings');
}

/** √(Σ (r̂ − r)² / n). */
export function rootMeanSquaredError(
  estimates: ArrayLike<number>,
  truth: ArrayLike<number>,
): number {
  checkPaired(estimates, truth);
  let sum = 0;
  for (let t = 0; t < truth.length; t++) sum += (estimates[t] - truth[t]) ** 2;
  return Math.sqrt(sum / truth.length);
}

/** Σ |r̂ − r| / n. */
export function meanAbsoluteError(estimates: ArrayLike<number>, truth: ArrayLike<number>): number {
  checkPaired(estimates, truth);
  let sum = 0;
  for (let t = 0; t < truth.length; t++) sum += Math.abs(estimates[t] - truth[t]);
  return sum / truth.length;
}

/**
 * Fraction of Concordant Pairs (Koren, 2008; Surprise's `fcp`): over each user's pairs of test
 * items with r_i > r_j, the share where r̂_i > r̂_j (ties in r̂ count as discordant), pooled as
 * Σ concordant / Σ (concordant + discordant). `groups` lists each user's test ratings (as
 * positions into the arrays). NaN when no user has two differently rated test items.
 */
export function fractionOfConcordantPairs(
  groups: readonly Int32Array[],
  estimates: ArrayLike<number>,
  truth: ArrayLike<number>,
): number {
  checkPaired(estimates, truth);
  let concordant = 0;
  let discordant = 0;
  for (const group of groups) {
    for (const a of group) {
      for (const b of group) {
        if (truth[a] <= truth[b]) continue;
        if (estimates[a] > estimates[b]) concordant++;
        else discordant++;
      }
    }
  }
  return concordant / (concordant + discordant);
}

/** Positions grouped by user: one Int32Array of positions per distinct user, in first-seen order. */
export function groupByUser(userIds: Int32Array): Int32Array[] {
  const byUser = new Map<number, number[]>();
  for (let t = 0; t < userIds.length; t++) {
    const list = byUser.get(userIds[t]);
    if (list === undefined) byUser.set(userIds[t], [t]);
    else list.push(t);
  }
  return Array.from(byUser.values(), (list) => Int32Array.from(list));
}
