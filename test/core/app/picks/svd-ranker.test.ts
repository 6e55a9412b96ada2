import { describe, expect, it } from 'vitest';
import { pickModelsFor } from '../../../../main/core/app/picks/svd-ranker.ts';
import { createRecommender } from '../../../../main/core/recommender/algorithms/recommend.ts';
import { fitSvd } from '../../../../main/core/recommender/algorithms/svd.ts';
import { plantedRatings } from '../../recommender/planted-ratings.ts';

describe("SVD's fallback ranker", () => {
  const data = plantedRatings({
    users: 120,
    items: 80,
    density: 0.3,
    rank: 3,
    noise: 0.3,
    seed: 9,
  });
  const recommender = createRecommender(fitSvd(data, { factors: 4, epochs: 40, seed: 2 }));
  const { ranker } = pickModelsFor(recommender);
  const ids = Array.from(recommender.model.itemIds);

  it('folds in the rated songs alone, and ranks none of the weighted ones (plays, a prior)', () => {
    const rated = ids.slice(0, 4);
    const weighted = ids.slice(4, 10);
    const mixed = ranker.shortlist(
      {
        trackIds: [...rated, ...weighted],
        ratings: [5, 4, 1, 2, ...weighted.map(() => NaN)],
        weights: [...rated.map(() => NaN), ...weighted.map(() => 0.5)],
      },
      { count: ids.length },
    );
    const starsOnly = ranker.shortlist(
      { trackIds: rated, ratings: [5, 4, 1, 2] },
      { count: ids.length, exclude: weighted },
    );
    expect(mixed.items).toEqual(starsOnly.items);
    const listed = new Set(mixed.items.map((item) => item.trackId));
    for (const id of [...rated, ...weighted]) expect(listed.has(id)).toBe(false);
    const { contributions } = mixed.explain(mixed.items[0].trackId);
    expect(contributions.map((c) => c.trackId).sort()).toEqual([...rated].sort());
  });
});
