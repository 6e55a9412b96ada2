import { describe, expect, it } from 'vitest';
import { crossValidate } from '../../../main/core/recommender/evaluation/cross-validate.ts';
import { Prng } from '../../../main/core/random.ts';
import type { RatingArrays } from '../../../main/core/store/rating-repository.ts';

const groups = 4;
const items = 120;

/**
 * Sparse planted taste: each listener loves one of 4 groups of songs and has rated only a few
 * songs, so the ratings alone barely tie a group together.
 */
function sparseRatings(): RatingArrays {
  const random = new Prng(9);
  const userIds: number[] = [];
  const trackIds: number[] = [];
  const ratings: number[] = [];
  for (let user = 1; user <= 300; user++) {
    const group = user % groups;
    for (let n = 0; n < 6; n++) {
      const liked = random.nextFloat() < 0.8;
      let item = random.nextInt(items / groups) * groups;
      item += liked ? group : (group + 1 + random.nextInt(groups - 1)) % groups;
      if (trackIds.some((t, r) => t === item + 1 && userIds[r] === user)) continue;
      userIds.push(user);
      trackIds.push(item + 1);
      ratings.push(liked ? 5 : 1);
    }
  }
  return {
    userIds: Int32Array.from(userIds),
    trackIds: Int32Array.from(trackIds),
    ratings: Float32Array.from(ratings),
  };
}

/** The groups as the catalog's traits: a few pseudo-listeners (negative ids) love each. */
function groupTraits(): RatingArrays {
  const userIds: number[] = [];
  const trackIds: number[] = [];
  for (let group = 0; group < groups; group++)
    for (let copy = 0; copy < 6; copy++)
      for (let item = group; item < items; item += groups) {
        userIds.push(-(group * 6 + copy + 1));
        trackIds.push(item + 1);
      }
  return {
    userIds: Int32Array.from(userIds),
    trackIds: Int32Array.from(trackIds),
    ratings: new Float32Array(userIds.length).fill(5),
  };
}

describe('evaluating the picks with the catalog’s side information', () => {
  it('trains the ranking model on the traits too, as the app does, which finds more of a sparse taste', () => {
    const ratings = sparseRatings();
    const settings = { folds: 3, seed: 1, k: 10 } as const;
    const without = crossValidate(ratings, { algorithm: 'picks', ...settings });
    const withTraits = crossValidate(ratings, {
      algorithm: 'picks',
      sideInformation: groupTraits(),
      ...settings,
    });
    // Only real listeners are measured: the pseudo-listeners are training data, never tested.
    expect(withTraits.folds.map((f) => f.testCount)).toEqual(without.folds.map((f) => f.testCount));
    expect(withTraits.ranking.ndcg).toBeGreaterThan(without.ranking.ndcg * 1.2);
    // Stars come from SVD on the ratings alone either way.
    expect(withTraits.mean.rmse).toBe(without.mean.rmse);
  });
});
