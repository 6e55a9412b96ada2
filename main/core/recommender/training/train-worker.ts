/**
 * Entry of the training worker (worker_threads). A thin adapter: it receives `train` and
 * `cancel` requests and runs {@link runTrainJob} (the SVD, and the calibration and ranking model
 * when the request asks); the main thread never waits on it.
 */
import { parentPort } from 'node:worker_threads';
import { runTrainJob } from './train-job.ts';
import type { TrainResponse } from './train-messages.ts';
import { isTrainRequest } from './train-messages.ts';

const port = parentPort;
if (port === null) throw new TypeError('train-worker.ts must run in a worker thread');

/** One job per worker: the host starts a fresh worker for every training run. */
let started = false;
let cancelled = false;
const post = (message: TrainResponse, transfer: readonly ArrayBuffer[] = []): void =>
  port.postMessage(message, [...transfer]);

port.on('message', (message: unknown) => {
  if (!isTrainRequest(message)) {
    post({ type: 'error', error: { code: 'invalid-input', message: 'unrecognised request' } });
    return;
  }
  if (message.type === 'cancel') {
    cancelled = true;
    return;
  }
  if (started) {
    post({
      type: 'error',
      error: { code: 'invalid-input', message: 'this worker already trained' },
    });
    return;
  }
  started = true;
  const { ratings, options, calibration, ranking, rankingSideInformation } = message;
  const io = {
    post,
    isCancelled: () => cancelled,
    yieldToEvents: () => new Promise<void>((resolve) => setImmediate(resolve)),
  };
  void runTrainJob(ratings, options, io, { calibration, ranking, rankingSideInformation });
});
