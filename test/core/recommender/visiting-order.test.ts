import { describe, expect, it } from 'vitest';
import { indexRatings } from '../../../main/core/recommender/algorithms/indexed-ratings.ts';
import { Prng } from '../../../main/core/random.ts';
import {
  blockBytes,
  visitingOrder,
} from '../../../main/core/recommender/algorithms/visiting-order.ts';
import { fitSvd } from '../../../main/core/recommender/algorithms/svd.ts';
import { plantedRatings } from './planted-ratings.ts';

const data = indexRatings(
  plantedRatings({ users: 40, items: 30, density: 0.6, rank: 2, noise: 0.3, seed: 8 }),
);

describe('visitingOrder', () => {
  it('is a plain shuffle while every factor row fits in one block', () => {
    const blocked = visitingOrder(data, 400, 'cache-blocked', new Prng(1));
    const shuffled = visitingOrder(data, 400, 'shuffled', new Prng(1));
    expect(blocked).toEqual(shuffled);
    expect([...blocked].sort((a, b) => a - b)).toEqual([...data.ratings.keys()]);
  });

  it('visits each (user block, item block) cell in one contiguous run when rows overflow a block', () => {
    // 40 users and 30 items with rows of blockBytes / 10: 4 user blocks × 3 item blocks.
    const order = visitingOrder(data, blockBytes / 10, 'cache-blocked', new Prng(1));
    expect([...order].sort((a, b) => a - b)).toEqual([...data.ratings.keys()]);
    // Cut the order greedily into runs of at most 10 distinct users and 10 distinct items (one
    // block's worth of each). Contiguous cells give at most 12 runs; a plain shuffle of these
    // ~720 ratings gives about 60.
    const runs: { users: Set<number>; items: Set<number> }[] = [];
    let current = { users: new Set<number>(), items: new Set<number>() };
    for (const r of order) {
      current.users.add(data.users[r]);
      current.items.add(data.items[r]);
      if (current.users.size > 10 || current.items.size > 10) {
        current.users.delete(data.users[r]);
        current.items.delete(data.items[r]);
        runs.push(current);
        current = { users: new Set([data.users[r]]), items: new Set([data.items[r]]) };
      }
    }
    runs.push(current);
    expect(runs.length).toBeLessThanOrEqual(12);
    expect(runs.length).toBeGreaterThanOrEqual(3);
  });
});

describe('fitSvd visiting orders', () => {
  it('reach the same training error either way on a set larger than one block', () => {
    const big = plantedRatings({
      users: 2000,
      items: 1500,
      density: 0.02,
      rank: 3,
      noise: 0.3,
      seed: 4,
    });
    const last = { 'cache-blocked': 0, shuffled: 0 };
    for (const visitingOrder of ['cache-blocked', 'shuffled'] as const) {
      fitSvd(
        big,
        { factors: 100, epochs: 10, learningRate: 0.01, visitingOrder },
        (p) => (last[visitingOrder] = p.trainRmse),
      );
    }
    expect(Math.abs(last['cache-blocked'] - last.shuffled)).toBeLessThan(0.01);
    expect(last.shuffled).toBeLessThan(0.7);
  });
});
