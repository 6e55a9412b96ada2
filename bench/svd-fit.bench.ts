/**
 * (b) One SVD fit, Surprise's defaults (100 factors, 20 epochs), on a seeded synthetic set of
 * 1,000,209 ratings by 6,040 users of 3,706 items: seconds and ratings per second for the fast
 * trainer (target ≤ 3.5 s here; Surprise ≈ 11.5 s). Then both trainers on a 90/10 split: the
 * fast trainer's test RMSE must stay within 0.003 of the straightforward reference's (double
 * precision, plain loops, uniformly shuffled order).
 * `--fast-only` skips the reference (about 20 s).
 */
import os from 'node:os';
import { denseIndexOf, indexRatings } from '../main/core/recommender/algorithms/indexed-ratings.ts';
import { fitSvd } from '../main/core/recommender/algorithms/svd.ts';
import { estimateSvd } from '../main/core/recommender/algorithms/svd-model.ts';
import type { SvdModel } from '../main/core/recommender/algorithms/svd-model.ts';
import { subsetRatings, trainTestSplit } from '../main/core/recommender/evaluation/splits.ts';
import type { RatingArrays } from '../main/core/store/rating-repository.ts';
import { report, seconds } from './lib/report.ts';
import { movieLens1mShape, syntheticRatings } from './lib/synthetic-ratings.ts';

function testRmse(model: SvdModel, test: RatingArrays): number {
  let sse = 0;
  for (let t = 0; t < test.ratings.length; t++) {
    const user = denseIndexOf(model.userIds, test.userIds[t]);
    const item = denseIndexOf(model.itemIds, test.trackIds[t]);
    const estimate = Math.min(5, Math.max(1, estimateSvd(model, user, item)));
    sse += (estimate - test.ratings[t]) ** 2;
  }
  return Math.sqrt(sse / test.ratings.length);
}

const ratings = syntheticRatings(movieLens1mShape);
const n = ratings.ratings.length;
report('data', `${n.toLocaleString('en')} ratings, 6,040 users × 3,706 items`);

globalThis.gc?.();
let start = performance.now();
indexRatings(ratings);
report('index raw ids (part of every fit)', `${seconds(start).toFixed(3)} s`);

const times: number[] = [];
for (let run = 0; run < 3; run++) {
  globalThis.gc?.();
  start = performance.now();
  fitSvd(ratings, { seed: run });
  times.push(seconds(start));
}
const best = Math.min(...times);
report(
  'fast fit, 100 factors × 20 epochs (3 runs)',
  times.map((t) => `${t.toFixed(2)} s`).join(', '),
);
report(
  'fast fit, best',
  `${best.toFixed(2)} s = ${Math.round(n / best).toLocaleString('en')} ratings/s`,
);
report(
  'SGD updates per second (ratings × epochs)',
  `${Math.round((20 * n) / best).toLocaleString('en')}`,
);

if (!process.argv.includes('--fast-only')) {
  const split = trainTestSplit(n, 0.1, 7);
  const [train, test] = [subsetRatings(ratings, split.train), subsetRatings(ratings, split.test)];
  // The straightforward implementation: plain double-precision loops, uniformly shuffled order.
  const variants = [
    { implementation: 'fast', visitingOrder: 'cache-blocked' },
    { implementation: 'fast', visitingOrder: 'shuffled' },
    { implementation: 'reference', visitingOrder: 'shuffled' },
  ] as const;
  for (const variant of variants) {
    start = performance.now();
    let trainRmse = NaN;
    const model = fitSvd(train, { ...variant, seed: 1 }, (p) => (trainRmse = p.trainRmse));
    const elapsed = seconds(start);
    report(
      `${variant.implementation}, ${variant.visitingOrder}: fit / train / test RMSE`,
      `${elapsed.toFixed(2)} s / ${trainRmse.toFixed(4)} / ${testRmse(model, test).toFixed(4)}`,
    );
  }
}
report('load average while measuring (2 cores)', os.loadavg()[0].toFixed(2));
