import { describe, expect, it } from 'vitest';
import { createRanker } from '../../../main/core/recommender/algorithms/ranker.ts';
import type { RankedItem } from '../../../main/core/recommender/algorithms/ranker.ts';
import { fitRankingModel } from '../../../main/core/recommender/algorithms/ranking-model.ts';
import type { RankingOptions } from '../../../main/core/recommender/algorithms/ranking-options.ts';
import { plantedClusters } from './planted-ratings.ts';

const data = plantedClusters({
  users: 240,
  clusters: 3,
  itemsPerCluster: 20,
  liked: 8,
  disliked: 4,
  seed: 4,
});
const cluster = (trackId: number): number => data.clusterOf(trackId);
const tracksOf = (c: number): number[] => Array.from({ length: 20 }, (_, i) => 5001 + 20 * c + i);

const models: [string, RankingOptions][] = [
  ['EASE', { algorithm: 'ease', lambda: 20 }],
  ['implicit ALS', { algorithm: 'implicit-als', factors: 8, regularization: 5, iterations: 10 }],
];

function sumOf(item: RankedItem): number {
  return item.baseline + item.contributions.reduce((sum, c) => sum + c.contribution, 0);
}

describe.each(models)('%s ranker', (_name, options) => {
  const ranker = createRanker(fitRankingModel(data, options));
  const likesCluster0 = { trackIds: tracksOf(0).slice(0, 3), ratings: [5, 5, 4] };

  it('puts the planted cluster of the liked songs on top, never the rated ones', () => {
    const { items } = ranker.rank(likesCluster0, { count: 10 });
    expect(items).toHaveLength(10);
    expect(items.map((item) => cluster(item.trackId))).toEqual(Array<number>(10).fill(0));
    for (const item of items) expect(likesCluster0.trackIds).not.toContain(item.trackId);
    for (let r = 1; r < items.length; r++) {
      expect(items[r].score).toBeLessThanOrEqual(items[r - 1].score + 1e-6);
    }
  });

  it('explains every score exactly: the contributions add up to score − baseline', () => {
    const listener = { trackIds: [5001, 5002, 5030, 5045], ratings: [5, 4, 1, 3] };
    const { items } = ranker.rank(listener, { count: 20 });
    for (const item of items) {
      expect(Math.abs(sumOf(item) - item.score)).toBeLessThan(1e-9);
      expect(item.contributions.map((c) => c.trackId).sort()).toEqual([5001, 5002, 5030, 5045]);
    }
    const [top] = items;
    const weights = Object.fromEntries(top.contributions.map((c) => [c.trackId, c.weight]));
    expect(weights).toEqual({ 5001: 1, 5002: 1, 5030: -0.5, 5045: 0.25 });
    // The ranked score agrees with the full score vector (single precision for ALS).
    const all = ranker.scores(listener);
    const dense = ranker.model.itemIds.indexOf(top.trackId);
    expect(Math.abs(all[dense] - top.score)).toBeLessThan(1e-4);
  });

  it('shortlists the items rank returns, in its order, and explains any of them as rank does', () => {
    const listener = { trackIds: [5001, 5002, 5030, 5045], ratings: [5, 4, 1, 3] };
    const ranked = ranker.rank(listener, { count: 12, exclude: [5003] });
    const shortlist = ranker.shortlist(listener, { count: 12, exclude: [5003] });
    expect(shortlist.items.map((item) => item.trackId)).toEqual(
      ranked.items.map((item) => item.trackId),
    );
    // Another fold-in in between must not change what an explanation says.
    ranker.rank({ trackIds: [5050], ratings: [5] }, { count: 3 });
    for (const item of [...ranked.items].reverse())
      expect(shortlist.explain(item.trackId)).toEqual(item);
    expect(() => shortlist.explain(5003)).toThrow(/not on the shortlist/);
    expect(() => shortlist.explain(5001)).toThrow(/not on the shortlist/);
  });

  it('pushes the neighbours of a disliked song down, and a dislike never lifts them', () => {
    const liked = { trackIds: [5001, 5002], ratings: [5, 5] };
    const withDislike = { trackIds: [5001, 5002, 5021], ratings: [5, 5, 1] };
    const before = Float64Array.from(ranker.scores(liked));
    const after = Float64Array.from(ranker.scores(withDislike));
    const cluster1 = tracksOf(1).filter((t) => t !== 5021);
    const drop = cluster1.map((t) => {
      const i = ranker.model.itemIds.indexOf(t);
      return before[i] - after[i];
    });
    const meanDrop = drop.reduce((a, b) => a + b) / drop.length;
    expect(meanDrop).toBeGreaterThan(0);
    // The dislike's own share of a cluster-1 song is negative for most of them.
    const { items } = ranker.rank(withDislike, { count: 60 });
    const shares = items
      .filter((item) => cluster(item.trackId) === 1)
      .map((item) => item.contributions.find((c) => c.trackId === 5021)?.contribution ?? 0);
    expect(shares.filter((share) => share < 0).length).toBeGreaterThan(shares.length * 0.7);
    // …and cluster 1 falls below the liked cluster.
    expect(items.slice(0, 10).every((item) => cluster(item.trackId) === 0)).toBe(true);
  });

  it('leaves out excluded tracks, reports unknown ones and ranks a newcomer by popularity', () => {
    const exclude = tracksOf(0).slice(3, 8);
    const ranked = ranker.rank(
      { ...likesCluster0, trackIds: [...likesCluster0.trackIds] },
      {
        count: 10,
        exclude,
      },
    );
    for (const item of ranked.items) expect(exclude).not.toContain(item.trackId);
    const unknown = ranker.rank({ trackIds: [5001, 999_999], ratings: [5, 5] }, { count: 3 });
    expect(unknown.unknownTrackIds).toEqual([999_999]);
    const newcomer = ranker.rank({ trackIds: [], ratings: [] }, { count: 3 });
    expect(newcomer.items).toHaveLength(3);
    for (const item of newcomer.items) {
      expect(item.contributions).toEqual([]);
      expect(item.score).toBe(item.baseline);
      expect(item.baseline).toBeGreaterThan(0);
    }
  });

  it('takes signed weights instead of stars when given', () => {
    const listener = { trackIds: [5001, 5002], ratings: [NaN, NaN], weights: [2, -1] };
    const [top] = ranker.rank(listener, { count: 1 }).items;
    const terms = Object.fromEntries(top.contributions.map((c) => [c.trackId, c.weight]));
    expect(terms).toEqual({ 5001: 2, 5002: -1 });
    expect(Math.abs(sumOf(top) - top.score)).toBeLessThan(1e-9);
  });

  it('rejects listeners it cannot read, naming the problem', () => {
    expect(() => ranker.rank({ trackIds: [5001], ratings: [] })).toThrow(/differ in length/);
    expect(() => ranker.rank({ trackIds: [5001, 5001], ratings: [5, 4] })).toThrow(/twice/);
    expect(() => ranker.rank({ trackIds: [5001], ratings: [NaN] })).toThrow(/not finite/);
  });
});

describe('EASE', () => {
  it('is the closed form B = I − P·diagMat(1/diag(P)), P = (XᵀX + λI)⁻¹, on signed input', () => {
    // Two listeners: 5★ and 4★ (x = 1, 1); 5★ and 1★ (x = 1, −0.5). λ = 1.
    const ratings = {
      userIds: Int32Array.of(1, 1, 2, 2),
      trackIds: Int32Array.of(10, 20, 20, 30),
      ratings: Float32Array.of(5, 4, 5, 1),
    };
    const model = fitRankingModel(ratings, { algorithm: 'ease', lambda: 1 });
    if (model.algorithm !== 'ease') throw new Error('expected EASE');
    // G = XᵀX + I = [[2, 1, 0], [1, 3, −0.5], [0, −0.5, 1.25]]; det = 5.75, P = adj(G) / det.
    const p = [
      [3.5, -1.25, -0.5],
      [-1.25, 2.5, 1],
      [-0.5, 1, 5],
    ].map((row) => row.map((v) => v / 5.75));
    for (let j = 0; j < 3; j++) {
      for (let i = 0; i < 3; i++) {
        const expected = i === j ? 0 : -p[j][i] / p[i][i];
        expect(model.weights[j * 3 + i]).toBeCloseTo(expected, 6);
      }
    }
    // A listener who loves track 10 scores 20 by B_{10,20} (+ the popularity prior).
    const [top] = createRanker(model).rank({ trackIds: [10], ratings: [5] }, { count: 1 }).items;
    expect(top.trackId).toBe(20);
    expect(top.score - top.baseline).toBeCloseTo(-p[0][1] / p[1][1], 6);
  });
});

describe('fitRankingModel', () => {
  it('refuses EASE on a catalog whose training would need more than 1 GiB', () => {
    const items = 10_000;
    const wide = {
      userIds: Int32Array.from({ length: items }, (_, i) => 1 + (i % 7)),
      trackIds: Int32Array.from({ length: items }, (_, i) => i + 1),
      ratings: new Float32Array(items).fill(5),
    };
    expect(() => fitRankingModel(wide, { algorithm: 'ease' })).toThrow(
      /EASE needs 1\.1 GiB to train on 10000 items.*implicit-als/,
    );
  });

  it('rejects bad options with a RangeError naming them', () => {
    expect(() => fitRankingModel(data, { algorithm: 'ease', lambda: -1 })).toThrow(/lambda/);
    expect(() => fitRankingModel(data, { algorithm: 'implicit-als', factors: 2.5 })).toThrow(
      /factors/,
    );
    expect(() =>
      fitRankingModel(data, { algorithm: 'ease', input: { likedFrom: 2, dislikedUpTo: 3 } }),
    ).toThrow(/dislikedUpTo/);
  });
});
