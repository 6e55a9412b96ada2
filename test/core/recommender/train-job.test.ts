import { describe, expect, it } from 'vitest';
import { runTrainJob } from '../../../main/core/recommender/training/train-job.ts';
import type { TrainResponse } from '../../../main/core/recommender/training/train-messages.ts';
import { plantedRatings } from './planted-ratings.ts';

const data = plantedRatings({ users: 30, items: 20, density: 0.5, rank: 2, noise: 0.3, seed: 6 });

/** Runs a job with in-memory plumbing; `cancelAfter` progress messages it reports a cancel. */
async function run(ratings = data, options = { factors: 4, epochs: 8 }, cancelAfter = Infinity) {
  const messages: { message: TrainResponse; transfer: readonly ArrayBuffer[] }[] = [];
  let progress = 0;
  await runTrainJob(ratings, options, {
    post: (message, transfer = []) => {
      messages.push({ message, transfer });
      if (message.type === 'progress') progress++;
    },
    isCancelled: () => progress >= cancelAfter,
    yieldToEvents: () => Promise.resolve(),
  });
  return messages;
}

describe('runTrainJob', () => {
  it('posts one progress per epoch, then done with the model buffers to transfer', async () => {
    const messages = await run();
    expect(messages.map((m) => m.message.type)).toEqual([
      ...Array<string>(8).fill('progress'),
      'done',
    ]);
    const done = messages[8];
    if (done.message.type !== 'done') throw new Error('expected done');
    expect(done.message.metrics).toMatchObject({ epochs: 8, userCount: 30, itemCount: 20 });
    expect(done.transfer).toHaveLength(6);
    expect(done.transfer).toContain(done.message.model.itemFactors.buffer);
  });

  it('stops at the first epoch boundary after a cancel', async () => {
    const messages = await run(data, { factors: 4, epochs: 8 }, 3);
    expect(messages.map((m) => m.message.type)).toEqual([
      'progress',
      'progress',
      'progress',
      'error',
    ]);
    expect(messages[3].message).toMatchObject({
      error: { code: 'cancelled', message: 'cancelled before epoch 4' },
    });
  });

  it('runs calibration, SVD and ranking stages in order, and names the stage a cancel stopped', async () => {
    const stars = {
      ...data,
      ratings: data.ratings.map((r) => Math.min(5, Math.max(1, Math.round(r)))),
    };
    const messages: TrainResponse[] = [];
    const io = {
      post: (message: TrainResponse) => void messages.push(message),
      isCancelled: () => false,
      yieldToEvents: () => Promise.resolve(),
    };
    const plan = {
      calibration: { holdout: 0.2 },
      ranking: { algorithm: 'implicit-als', iterations: 3, factors: 4 },
    } as const;
    await runTrainJob(stars, { factors: 4, epochs: 2 }, io, plan);
    const stages = messages.map((m) => (m.type === 'progress' ? `${m.stage}` : m.type));
    expect(stages).toEqual([
      'calibration',
      'calibration',
      'svd',
      'svd',
      'ranking',
      'ranking',
      'ranking',
      'done',
    ]);
    const done = messages.at(-1);
    if (done?.type !== 'done') throw new Error('expected done');
    expect(done.model.calibration?.stars.length).toBeGreaterThan(0);
    expect(done.ranking?.model.algorithm).toBe('implicit-als');
    const cancelled: TrainResponse[] = [];
    await runTrainJob(
      stars,
      { factors: 4, epochs: 2 },
      {
        ...io,
        post: (message) => void cancelled.push(message),
        isCancelled: () => cancelled.length >= 5,
      },
      plan,
    );
    expect(cancelled.at(-1)).toMatchObject({
      error: { code: 'cancelled', message: 'cancelled before ranking step 2' },
    });
    const bad: TrainResponse[] = [];
    await runTrainJob(
      stars,
      { factors: 4 },
      { ...io, post: (m) => void bad.push(m) },
      { ranking: { algorithm: 'ease', lambda: 0 } },
    );
    expect(bad).toEqual([
      {
        type: 'error',
        error: { code: 'invalid-input', message: expect.stringMatching(/lambda/) as string },
      },
    ]);
  });

  it('reports bad ratings and options as invalid-input, without any progress', async () => {
    const mismatched = { ...data, ratings: data.ratings.subarray(1) };
    expect((await run(mismatched)).map((m) => m.message)).toEqual([
      {
        type: 'error',
        error: {
          code: 'invalid-input',
          message: expect.stringMatching(/differ in length/) as string,
        },
      },
    ]);
    const [bad] = await run(data, { factors: 4, epochs: -1 });
    expect(bad.message).toMatchObject({ type: 'error', error: { code: 'invalid-input' } });
  });
});
