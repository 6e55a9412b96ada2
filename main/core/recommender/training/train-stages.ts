import type { RatingArrays } from '../../store/rating-repository.ts';
import { createCalibrationFit } from '../algorithms/calibrated-svd.ts';
import type { CalibrationFit } from '../algorithms/calibrated-svd.ts';
import { indexRatings } from '../algorithms/indexed-ratings.ts';
import type { IndexedRatings } from '../algorithms/indexed-ratings.ts';
import { pickRankingOptions } from '../algorithms/picks.ts';
import type { RankingModel, RankingTrainer } from '../algorithms/ranking-model.ts';
import { createRankingTrainer } from '../algorithms/ranking-model.ts';
import { createSvdTrainer } from '../algorithms/svd.ts';
import type { SvdModel } from '../algorithms/svd-model.ts';
import type { SvdOptions } from '../algorithms/svd-options.ts';
import { resolveSvdOptions } from '../algorithms/svd-options.ts';
import type { SvdTrainer } from '../algorithms/svd-trainer.ts';
import { fingerprintRatings } from '../storage/fingerprint.ts';
import type { TrainPlan, TrainProgress, TrainResponse } from './train-messages.ts';
import { transferablesOf } from './train-messages.ts';

/** One stage of a run: a number of steps, each reported as progress. */
export interface TrainStage {
  readonly name: TrainProgress['stage'];
  readonly steps: number;
  /** Runs step `step` (1-based). */
  runStep(step: number): TrainProgress;
}

/** A run ready to go: every input checked, nothing heavy done yet. */
export interface PreparedRun {
  readonly stages: readonly TrainStage[];
  /** The `done` message once every stage ran, with the buffers to transfer. */
  finish(): { message: TrainResponse; transfer: ArrayBuffer[] };
}

/** Seconds of work so far, and the last training RMSE the final SVD reported. */
interface RunClock {
  readonly started: number;
  svdSeconds: number;
  rankingSeconds: number;
  trainRmse: number;
}

function svdStage(name: 'calibration' | 'svd', trainer: SvdTrainer, clock: RunClock): TrainStage {
  return {
    name,
    steps: trainer.epochs,
    runStep(epoch) {
      const trainRmse = trainer.runEpoch();
      if (name === 'svd') {
        clock.trainRmse = trainRmse;
        clock.svdSeconds = (performance.now() - clock.started) / 1000;
      }
      return { stage: name, epoch, epochs: trainer.epochs, trainRmse };
    },
  };
}

function rankingStage(trainer: RankingTrainer, clock: RunClock): TrainStage {
  return {
    name: 'ranking',
    steps: trainer.steps,
    runStep(step) {
      const start = performance.now();
      trainer.runStep();
      clock.rankingSeconds += (performance.now() - start) / 1000;
      return { stage: 'ranking', algorithm: trainer.algorithm, step, steps: trainer.steps };
    },
  };
}

/**
 * Checks and indexes the ratings once, fingerprints them and lines up the stages the plan asks
 * for (calibration, SVD, ranking). Throws RangeError or TypeError for bad ratings or options,
 * before any heavy work. SVD metrics' fitSeconds runs from here to the last SVD epoch, so it
 * includes the calibration fit when there is one.
 */
export function prepareRun(
  ratings: RatingArrays,
  options: SvdOptions,
  plan: TrainPlan,
): PreparedRun {
  const clock: RunClock = {
    started: performance.now(),
    svdSeconds: 0,
    rankingSeconds: 0,
    trainRmse: NaN,
  };
  const fingerprint = fingerprintRatings(ratings);
  const data = indexRatings(ratings);
  resolveSvdOptions(options);
  const calibration =
    plan.calibration === undefined
      ? undefined
      : createCalibrationFit(data, options, plan.calibration);
  const svd = createSvdTrainer(data, options);
  const rankingOptions =
    plan.ranking === 'picks' ? pickRankingOptions(data.itemIds.length) : plan.ranking;
  const ranking =
    rankingOptions === undefined
      ? undefined
      : createRankingTrainer(withSideInformation(data, ratings, plan), rankingOptions);
  const stages = [
    ...(calibration === undefined ? [] : [svdStage('calibration', calibration.trainer, clock)]),
    svdStage('svd', svd, clock),
    ...(ranking === undefined ? [] : [rankingStage(ranking, clock)]),
  ];
  const counts = {
    ratingCount: ratings.ratings.length,
    userCount: data.userIds.length,
    itemCount: data.itemIds.length,
  };
  const trained = { calibration, svd, ranking, fingerprint, counts, clock };
  return { stages, finish: () => doneMessage(trained) };
}

/** The ranking model's training data: the ratings, plus the plan's side information if any. */
function withSideInformation(
  data: IndexedRatings,
  ratings: RatingArrays,
  plan: TrainPlan,
): IndexedRatings {
  const side = plan.rankingSideInformation;
  if (side === undefined || side.ratings.length === 0) return data;
  const join = <T extends Int32Array | Float32Array>(a: T, b: T, make: (n: number) => T): T => {
    const out = make(a.length + b.length);
    out.set(a);
    out.set(b, a.length);
    return out;
  };
  return indexRatings({
    userIds: join(ratings.userIds, side.userIds, (n) => new Int32Array(n)),
    trackIds: join(ratings.trackIds, side.trackIds, (n) => new Int32Array(n)),
    ratings: join(ratings.ratings, side.ratings, (n) => new Float32Array(n)),
  });
}

/** The `done` message of a run whose stages all ran, with the buffers to transfer. */
function doneMessage(run: {
  calibration: CalibrationFit | undefined;
  svd: SvdTrainer;
  ranking: RankingTrainer | undefined;
  fingerprint: string;
  counts: { ratingCount: number; userCount: number; itemCount: number };
  clock: RunClock;
}): { message: TrainResponse; transfer: ArrayBuffer[] } {
  const map = run.calibration?.finish();
  const model: SvdModel = {
    ...run.svd.toModel(),
    ...(map === undefined ? {} : { calibration: map }),
  };
  const metrics = {
    trainRmse: run.clock.trainRmse,
    epochs: run.svd.epochs,
    fitSeconds: run.clock.svdSeconds,
    ...run.counts,
  };
  const rankingModel = run.ranking?.toModel();
  const rankingMetrics = { fitSeconds: run.clock.rankingSeconds, ...run.counts };
  const message: TrainResponse = {
    type: 'done',
    model,
    fingerprint: run.fingerprint,
    metrics,
    ...(rankingModel === undefined
      ? {}
      : { ranking: { model: rankingModel, metrics: rankingMetrics } }),
  };
  return { message, transfer: transferablesOf(arraysOf(model, rankingModel)) };
}

/** Every typed array of the models, whose buffers move to the main thread rather than copy. */
function arraysOf(model: SvdModel, ranking: RankingModel | undefined): ArrayBufferView[] {
  const arrays: ArrayBufferView[] = [
    model.userIds,
    model.itemIds,
    model.userBias,
    model.itemBias,
    model.userFactors,
    model.itemFactors,
  ];
  if (ranking === undefined) return arrays;
  arrays.push(ranking.itemIds, ranking.itemPrior);
  if (ranking.algorithm === 'ease') arrays.push(ranking.weights);
  else arrays.push(ranking.itemFactors, ranking.gram);
  return arrays;
}
