/**
 * (c) Fold-in + top 10 + reasons for a listener with 5 ratings over a 100,000-track catalog,
 * 100 factors (target ≤ 10 ms). The model's numbers are seeded random draws of trained
 * magnitudes: the work does not depend on their values.
 */
import os from 'node:os';
import { Prng } from '../main/core/random.ts';
import { createRecommender } from '../main/core/recommender/algorithms/recommend.ts';
import type { SvdModel } from '../main/core/recommender/algorithms/svd-model.ts';
import { resolveSvdOptions } from '../main/core/recommender/algorithms/svd-options.ts';
import { report, seconds } from './lib/report.ts';

const [tracks, users, k] = [100_000, 6_040, 100];
const random = new Prng(3);
const draw = (length: number, sd: number): Float32Array =>
  Float32Array.from({ length }, () => random.nextNormal(0, sd));
const model: SvdModel = {
  algorithm: 'svd',
  options: resolveSvdOptions({}),
  factors: k,
  globalMean: 3.58,
  userIds: Int32Array.from({ length: users }, (_, u) => u + 1),
  itemIds: Int32Array.from({ length: tracks }, (_, i) => 2 * i + 1),
  userBias: draw(users, 0.3),
  itemBias: draw(tracks, 0.4),
  userFactors: draw(users * k, 0.15),
  itemFactors: draw(tracks * k, 0.15),
};

let start = performance.now();
const recommender = createRecommender(model);
report('prepare (once per loaded model)', `${(seconds(start) * 1000).toFixed(1)} ms`);

const listeners = Array.from({ length: 300 }, () => ({
  trackIds: Array.from({ length: 5 }, () => 2 * random.nextInt(tracks) + 1),
  ratings: Array.from({ length: 5 }, () => 1 + random.nextInt(5)),
})).filter((listener) => new Set(listener.trackIds).size === 5);
const times: number[] = [];
let reasons = 0;
for (const listener of listeners) {
  start = performance.now();
  const { recommendations } = recommender.recommend(listener, { count: 10 });
  times.push(seconds(start) * 1000);
  reasons += recommendations.filter((r) => r.because !== undefined).length;
}
const warm = times.slice(20).sort((a, b) => a - b);
const at = (q: number): string => `${warm[Math.floor(q * (warm.length - 1))].toFixed(2)} ms`;
report('fold-in + top 10 + reasons, first call', `${times[0].toFixed(2)} ms`);
report(`same, median / p95 / max of ${warm.length}`, `${at(0.5)} / ${at(0.95)} / ${at(1)}`);
report('recommendations with a reason', `${reasons} of ${10 * listeners.length}`);
report('load average while measuring (2 cores)', os.loadavg()[0].toFixed(2));
