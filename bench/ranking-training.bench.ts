/**
 * How long the ranking models take to train: implicit ALS (the picks' model) at 100,000 tracks
 * (1,000,000 ratings) and, for comparison, EASE at 3,000 tracks (300,000 ratings), with the
 * process's peak memory (target ≤ 1 GiB). Seeded synthetic ratings shaped
 * like real ones (bench/lib/synthetic-ratings.ts).
 */
import os from 'node:os';
import { indexRatings } from '../main/core/recommender/algorithms/indexed-ratings.ts';
import { picksImplicitAlsOptions } from '../main/core/recommender/algorithms/picks.ts';
import { fitRankingModelIndexed } from '../main/core/recommender/algorithms/ranking-model.ts';
import { easeTrainingBytes } from '../main/core/recommender/algorithms/ease.ts';
import { peakRssMiB, report, seconds } from './lib/report.ts';
import { syntheticRatings } from './lib/synthetic-ratings.ts';

const easeData = indexRatings(
  syntheticRatings({ ratings: 300_000, users: 6_000, items: 3000, seed: 2 }),
);
report(
  `EASE at ${easeData.itemIds.length} tracks: training memory (G, B)`,
  `${(easeTrainingBytes(easeData.itemIds.length) / 2 ** 20).toFixed(0)} MiB`,
);
let start = performance.now();
fitRankingModelIndexed(easeData, { algorithm: 'ease' });
report(
  `EASE fit, ${easeData.itemIds.length} tracks, 300,000 ratings`,
  `${seconds(start).toFixed(1)} s`,
);
report('peak RSS after EASE', `${peakRssMiB().toFixed(0)} MiB`);

const alsData = indexRatings(
  syntheticRatings({ ratings: 1_000_000, users: 20_000, items: 100_000, seed: 3 }),
);
start = performance.now();
let sweeps = 0;
fitRankingModelIndexed(alsData, picksImplicitAlsOptions, () => sweeps++);
const elapsed = seconds(start);
report(
  `implicit ALS fit, ${alsData.itemIds.length} tracks, 1,000,000 ratings`,
  `${elapsed.toFixed(1)} s (${(elapsed / sweeps).toFixed(2)} s per sweep)`,
);
report('peak RSS of the process', `${peakRssMiB().toFixed(0)} MiB`);
report('load average while measuring (2 cores)', os.loadavg()[0].toFixed(2));
