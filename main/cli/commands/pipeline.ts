import { exportData } from '../../core/export-data.ts';
import { pipelineDefaults, runPipeline } from '../../core/pipeline.ts';
import type { PipelineSummary } from '../../core/pipeline.ts';
import { choiceOption, dbOption, integerOption, parseCommandArgs } from '../arguments.ts';
import type { Command } from '../command.ts';
import { withStore } from '../command.ts';
import { createProgressPrinter } from '../progress-printer.ts';

function formatSummary(summary: PipelineSummary<unknown, unknown>): string {
  const { catalog, ratings } = summary;
  return [
    `Catalog   ${catalog.inserted} new tracks, ${catalog.updated} refreshed`,
    `Ratings   ${ratings.action === 'unchanged' ? 'unchanged' : `${ratings.action}: ${ratings.ratingsWritten} ratings`} (${ratings.listeners} simulated listeners)`,
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
    await withStore(values.db, io, async (store) => {
      const summary = await runPipeline(store, {
        listeners,
        seed,
        ratingsMode,
        onProgress: (p) => progress.update({ label: p.message, done: p.done, total: p.total }),
      });
      progress.finish();
      io.out(formatSummary(summary));
      if (exportDir !== undefined) {
        const exported = exportData(store, exportDir);
        io.out(`Exported  ${exported.songsFile}, ${exported.ratingsFile}\n`);
      }
    });
    return 0;
  },
};
