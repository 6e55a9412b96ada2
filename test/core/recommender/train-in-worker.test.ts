import { describe, expect, it } from 'vitest';
import { fingerprintRatings } from '../../../main/core/recommender/storage/fingerprint.ts';
import { fitSvd } from '../../../main/core/recommender/algorithms/svd.ts';
import type { EpochProgress } from '../../../main/core/recommender/algorithms/svd.ts';
import {
  trainInWorker,
  trainModelsInWorker,
} from '../../../main/core/recommender/training/train-in-worker.ts';
import type { TrainProgress } from '../../../main/core/recommender/training/train-messages.ts';
import { fitSvdCalibration } from '../../../main/core/recommender/algorithms/calibrated-svd.ts';
import { indexRatings } from '../../../main/core/recommender/algorithms/indexed-ratings.ts';
import { fitRankingModel } from '../../../main/core/recommender/algorithms/ranking-model.ts';
import { pickRankingOptions } from '../../../main/core/recommender/algorithms/picks.ts';
import { plantedRatings } from './planted-ratings.ts';

function freshData() {
  const { userIds, trackIds, ratings } = plantedRatings({
    users: 200,
    items: 150,
    density: 0.3,
    rank: 3,
    noise: 0.3,
    seed: 2,
  });
  return { userIds, trackIds, ratings };
}

describe('trainInWorker', () => {
  it('trains in a worker: progress every epoch, the same model as in-process, arrays transferred', async () => {
    const data = freshData();
    const copy = {
      userIds: data.userIds.slice(),
      trackIds: data.trackIds.slice(),
      ratings: data.ratings.slice(),
    };
    const options = { factors: 8, epochs: 6, seed: 3 };
    const progress: EpochProgress[] = [];
    const outcome = await trainInWorker(data, options, { onProgress: (p) => progress.push(p) });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(data.ratings.length).toBe(0); // transferred, so detached here
    expect(progress.map((p) => p.epoch)).toEqual([1, 2, 3, 4, 5, 6]);
    for (let e = 1; e < progress.length; e++)
      expect(progress[e].trainRmse).toBeLessThan(progress[e - 1].trainRmse);
    const local = fitSvd(copy, options);
    expect(outcome.model.userFactors).toEqual(local.userFactors);
    expect(outcome.model.itemBias).toEqual(local.itemBias);
    expect(outcome.fingerprint).toBe(fingerprintRatings(copy));
    expect(outcome.metrics).toMatchObject({
      epochs: 6,
      ratingCount: copy.ratings.length,
      userCount: 200,
      itemCount: 150,
    });
    expect(outcome.metrics.trainRmse).toBe(progress[5].trainRmse);
  });

  it('fits calibration, SVD and the picks ranking model in one run, as in-process', async () => {
    const data = freshData();
    const copy = {
      userIds: data.userIds.slice(),
      trackIds: data.trackIds.slice(),
      ratings: data.ratings.map((r) => Math.min(5, Math.max(1, Math.round(r)))),
    };
    const stars = { ...data, ratings: copy.ratings.slice() };
    const options = { factors: 8, epochs: 4, seed: 3 };
    const progress: TrainProgress[] = [];
    const outcome = await trainModelsInWorker(
      stars,
      options,
      { calibration: {}, ranking: 'picks' },
      { onProgress: (p) => progress.push(p) },
    );
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(progress.map((p) => p.stage)).toEqual([
      ...Array<string>(4).fill('calibration'),
      ...Array<string>(4).fill('svd'),
      ...Array<string>(15).fill('ranking'),
    ]);
    expect(progress.at(-1)).toEqual({
      stage: 'ranking',
      algorithm: 'implicit-als',
      step: 15,
      steps: 15,
    });
    expect(outcome.model.userFactors).toEqual(fitSvd(copy, options).userFactors);
    expect(outcome.model.calibration).toEqual(fitSvdCalibration(indexRatings(copy), options));
    expect(outcome.ranking?.model).toEqual(fitRankingModel(copy, pickRankingOptions(150)));
    expect(outcome.ranking?.metrics).toMatchObject({ userCount: 200, itemCount: 150 });
    expect(outcome.fingerprint).toBe(fingerprintRatings(copy));
  });

  it('stops soon after an abort and reports cancelled', async () => {
    const controller = new AbortController();
    const progress: number[] = [];
    // 10,000 epochs of about a millisecond each: only a working cancel ends this early.
    const options = { factors: 200, epochs: 10_000 };
    const outcome = await trainInWorker(freshData(), options, {
      signal: controller.signal,
      onProgress: (p) => {
        progress.push(p.epoch);
        if (p.epoch === 2) controller.abort();
      },
    });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(progress.length).toBeGreaterThanOrEqual(2);
    // The worker stops at the first epoch boundary after the cancel arrives; how many epochs
    // run before it arrives depends on how busy this thread is, hence the loose bound.
    expect(progress.length).toBeLessThan(2000);
  });

  it('returns bad input as an error value with a code', async () => {
    const outcome = await trainInWorker(freshData(), { factors: 0 });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    if (!outcome.ok) expect(outcome.error.message).toMatch(/factors/);
    const aborted = AbortSignal.abort();
    expect(await trainInWorker(freshData(), {}, { signal: aborted })).toMatchObject({
      ok: false,
      error: { code: 'cancelled' },
    });
  });
});
