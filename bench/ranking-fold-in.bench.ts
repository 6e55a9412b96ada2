/**
 * The picks' fold-in + top 10 + exact contributions for a new listener: implicit ALS (the picks'
 * model, k 32) at 100,000 tracks (target ≤ 10 ms, model memory ≤ 1 GiB), and EASE at 3,000
 * tracks for comparison, with each model's memory. The models' numbers are seeded
 * random draws of trained magnitudes: the work does not depend on their values.
 */
import os from 'node:os';
import { Prng } from '../main/core/random.ts';
import type { EaseModel } from '../main/core/recommender/algorithms/ease.ts';
import type { ImplicitAlsModel } from '../main/core/recommender/algorithms/implicit-als.ts';
import { gramOf } from '../main/core/recommender/algorithms/implicit-als.ts';
import { picksImplicitAlsOptions } from '../main/core/recommender/algorithms/picks.ts';
import { createRanker } from '../main/core/recommender/algorithms/ranker.ts';
import type { RankingModel } from '../main/core/recommender/algorithms/ranking-model.ts';
import { resolveRankingOptions } from '../main/core/recommender/algorithms/ranking-options.ts';
import { peakRssMiB, report, seconds } from './lib/report.ts';

const random = new Prng(5);
const draw = (length: number, sd: number): Float32Array =>
  Float32Array.from({ length }, () => random.nextNormal(0, sd));
const ids = (count: number): Int32Array => Int32Array.from({ length: count }, (_, i) => 2 * i + 1);

function alsModel(tracks: number): ImplicitAlsModel {
  const options = resolveRankingOptions(picksImplicitAlsOptions);
  if (options.algorithm !== 'implicit-als') throw new Error('expected implicit ALS');
  const itemFactors = draw(tracks * options.factors, 0.1);
  const gram = gramOf(itemFactors, tracks, options.factors);
  const itemPrior = Float32Array.from({ length: tracks }, () => random.nextFloat() * 1e-3);
  return {
    algorithm: 'implicit-als',
    options,
    factors: options.factors,
    itemIds: ids(tracks),
    itemFactors,
    gram,
    itemPrior,
  };
}

function easeModel(tracks: number): EaseModel {
  const options = resolveRankingOptions({ algorithm: 'ease' });
  if (options.algorithm !== 'ease') throw new Error('expected EASE');
  const itemPrior = Float32Array.from({ length: tracks }, () => random.nextFloat() * 1e-3);
  return {
    algorithm: 'ease',
    options,
    itemIds: ids(tracks),
    weights: draw(tracks * tracks, 0.01),
    itemPrior,
  };
}

function bytesOf(model: RankingModel): number {
  const arrays =
    model.algorithm === 'ease'
      ? [model.itemIds, model.itemPrior, model.weights]
      : [model.itemIds, model.itemPrior, model.itemFactors, model.gram];
  return arrays.reduce((sum, array) => sum + array.byteLength, 0);
}

function measure(model: RankingModel, rated: number): void {
  let start = performance.now();
  const ranker = createRanker(model);
  const prepare = seconds(start) * 1000;
  const tracks = model.itemIds.length;
  const listeners = Array.from({ length: 300 }, () => {
    const picked = new Set<number>();
    while (picked.size < rated) picked.add(2 * random.nextInt(tracks) + 1);
    return { trackIds: [...picked], ratings: Array.from(picked, () => 1 + random.nextInt(5)) };
  });
  const times: number[] = [];
  let explained = 0;
  for (const listener of listeners) {
    start = performance.now();
    const { items } = ranker.rank(listener, { count: 10 });
    times.push(seconds(start) * 1000);
    explained += items.filter((item) => item.contributions.length === rated).length;
  }
  const warm = times.slice(20).sort((a, b) => a - b);
  const at = (q: number): string => warm[Math.floor(q * (warm.length - 1))].toFixed(2);
  report(`  ${rated} ratings: median / p95 / max`, `${at(0.5)} / ${at(0.95)} / ${at(1)} ms`);
  report(
    `  prepare once; picks fully explained`,
    `${prepare.toFixed(1)} ms; ${explained} of ${10 * listeners.length}`,
  );
}

const als = alsModel(100_000);
report('implicit ALS, 100,000 tracks, k 32: memory', `${(bytesOf(als) / 2 ** 20).toFixed(1)} MiB`);
report('fold-in + top 10 + contributions', '');
measure(als, 5);
measure(als, 50);
/** EASE for comparison, at a size it can still train in about 20 s. */
const easeTracks = 3000;
const ease = easeModel(easeTracks);
report(`EASE, ${easeTracks} tracks: memory`, `${(bytesOf(ease) / 2 ** 20).toFixed(1)} MiB`);
report('fold-in + top 10 + contributions', '');
measure(ease, 5);
measure(ease, 50);
report('EASE at 100,000 tracks would need (B alone)', `${((4 * 1e10) / 2 ** 30).toFixed(1)} GiB`);
report('peak RSS of the process', `${peakRssMiB().toFixed(0)} MiB`);
report('load average while measuring (2 cores)', os.loadavg()[0].toFixed(2));
