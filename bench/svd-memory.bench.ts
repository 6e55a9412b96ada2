/**
 * (d) A 10,000,000-rating fit (MovieLens 10M's users and items, 100 factors, 20 epochs) in the
 * training worker, as the app runs it: peak resident memory of the whole process (target
 * ≤ 1 GiB), how busy the main thread was meanwhile (its event-loop utilisation: the share of
 * time it spent running code rather than waiting) and how late its timers fired.
 */
import os from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { trainInWorker } from '../main/core/recommender/training/train-in-worker.ts';
import { peakRssMiB, report, seconds } from './lib/report.ts';
import { syntheticRatings, tenMillionShape } from './lib/synthetic-ratings.ts';

const ratings = syntheticRatings(tenMillionShape);
globalThis.gc?.();
report('peak RSS after generating the data', `${peakRssMiB().toFixed(0)} MiB`);
report('current RSS with the data', `${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`);

const delay = monitorEventLoopDelay({ resolution: 10 });
delay.enable();
let ticks = 0;
const ticker = setInterval(() => ticks++, 50);
const utilisationBefore = performance.eventLoopUtilization();
const start = performance.now();
let epochs = 0;
const outcome = await trainInWorker(ratings, { seed: 1 }, { onProgress: () => epochs++ });
const elapsed = seconds(start);
const utilisation = performance.eventLoopUtilization(utilisationBefore);
clearInterval(ticker);
delay.disable();

if (!outcome.ok) throw new Error(`training failed: ${outcome.error.code} ${outcome.error.message}`);
report('fit in the worker (incl. index, fingerprint)', `${elapsed.toFixed(1)} s, ${epochs} epochs`);
report('train RMSE after 20 epochs', outcome.metrics.trainRmse.toFixed(4));
report('peak RSS of the process (main + worker)', `${peakRssMiB().toFixed(0)} MiB`);
report(
  'main thread: 50 ms ticks during the fit',
  `${ticks} (expected ≈ ${Math.floor((elapsed * 1000) / 50)})`,
);
const ms = (nanoseconds: number): string => (nanoseconds / 1e6).toFixed(1);
report(
  'main thread: event-loop delay p50 / p99 / max',
  `${ms(delay.percentile(50))} / ${ms(delay.percentile(99))} / ${ms(delay.max)} ms`,
);
report(
  'main thread: busy share of the fit (event-loop use)',
  `${(100 * utilisation.utilization).toFixed(2)} % (${utilisation.active.toFixed(0)} ms active)`,
);
report('load average while measuring (2 cores)', os.loadavg()[0].toFixed(2));
