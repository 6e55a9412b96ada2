import { EventHub } from '../../core/app/event-hub.ts';
import { ModelManager } from '../../core/app/model-manager.ts';
import { exportData } from '../../core/export-data.ts';
import type { PipelineProgress } from '../../core/pipeline.ts';
import type { TrainOutcome } from '../../core/recommender/train-in-worker.ts';
import type { Store } from '../../core/store/store.ts';
import { pipelineDefaults, runPipeline } from '../../core/pipeline.ts';
import type { PipelineSummary } from '../../core/pipeline.ts';
import { choiceOption, dbOption, integerOption, parseCommandArgs } from '../arguments.ts';
import type { Command } from '../command.ts';
import { withStore } from '../command.ts';
import { createProgressPrinter } from '../progress-printer.ts';

type TrainStepResult = TrainOutcome | 'up-to-date' | 'no-ratings';

/** The pipeline's training step: one training run in a worker thread, saved to the store. */
async function trainStep(
  store: Store,
  report: (p: PipelineProgress) => void,
): Promise<TrainStepResult> {
  const events = new EventHub();
  events.subscribe((event, payload) => {
    if (event === 'training:progress' && 'epoch' in payload) {
      report({
        step: 'training',
        status: 'progress',
        message: 'Training the model',
        done: payload.epoch,
        total: payload.epochs,
      });
    }
  });
  const models = new ModelManager({ store, events });
  try {
    const start = models.start();
    if (start.status !== 'training') {
      report({
        step: 'training',
        status: 'skipped',
        message: start.status === 'loaded' ? 'The model is up to date' : 'No ratings to train on',
      });
      return start.status === 'loaded' ? 'up-to-date' : 'no-ratings';
    }
    report({ step: 'training', status: 'started', message: 'Training the model' });
    return await start.outcome;
  } finally {
    models.close();
  }
}

function formatTraining(outcome: TrainStepResult | undefined): string {
  if (outcome === undefined || outcome === 'no-ratings') return 'not trained: no ratings';
  if (outcome === 'up-to-date') return 'up to date (trained on exactly these ratings)';
  if (!outcome.ok) return `failed: ${outcome.error.message}`;
  const m = outcome.metrics;
  return `SVD, ${m.ratingCount} ratings, ${m.userCount} listeners × ${m.itemCount} songs, train RMSE ${m.trainRmse.toFixed(3)}, ${m.fitSeconds.toFixed(2)} s`;
}

function formatSummary(summary: PipelineSummary<unknown, TrainStepResult>): string {
  const { catalog, ratings } = summary;
  return [
    `Catalog   ${catalog.inserted} new tracks, ${catalog.updated} refreshed`,
    `Ratings   ${ratings.action === 'unchanged' ? 'unchanged' : `${ratings.action}: ${ratings.ratingsWritten} ratings`} (${ratings.listeners} simulated listeners)`,
    `Model     ${formatTraining(summary.training)}`,
    `Took      ${summary.seconds.toFixed(2)} s`,
    '',
  ].join('\n');
}

export const pipelineCommand: Command = {
  name: 'pipeline',
  summary: 'Load or refresh the catalog, generate simulated ratings and train the model.',
  usage:
    'earshot pipeline [--db PATH] [--listeners N] [--seed S] [--ratings-mode taste|uniform] [--export DIR]',
  async run(args, io) {
    const { values } = parseCommandArgs(args, {
      ...dbOption,
      listeners: { type: 'string' },
      seed: { type: 'string' },
      'ratings-mode': { type: 'string' },
      export: { type: 'string' },
    });
    const ratingsMode = choiceOption(
      values['ratings-mode'],
      'ratings-mode',
      ['taste', 'uniform'],
      pipelineDefaults.ratingsMode,
    );
    const defaultListeners =
      ratingsMode === 'uniform' ? pipelineDefaults.uniformListeners : pipelineDefaults.listeners;
    const listeners = integerOption(values.listeners, 'listeners', defaultListeners, 1, 1_000_000);
    const seed = integerOption(values.seed, 'seed', pipelineDefaults.seed, 0, 2 ** 32 - 1);
    const progress = createProgressPrinter(io);
    const exportDir = values.export;
    return withStore(values.db, io, async (store) => {
      const summary = await runPipeline(
        store,
        {
          listeners,
          seed,
          ratingsMode,
          onProgress: (p) => progress.update({ label: p.message, done: p.done, total: p.total }),
        },
        { train: trainStep },
      );
      progress.finish();
      io.out(formatSummary(summary));
      if (typeof summary.training === 'object' && !summary.training.ok) {
        // The catalog and ratings are saved; the previous model (if any) stays in place.
        io.err(`earshot pipeline: training failed: ${summary.training.error.message}\n`);
        return 1;
      }
      if (exportDir !== undefined) {
        const exported = exportData(store, exportDir);
        io.out(`Exported  ${exported.songsFile}, ${exported.ratingsFile}\n`);
      }
      return 0;
    });
  },
};
