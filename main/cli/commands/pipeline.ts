import type { CliIo } from '../cli-io.ts';
import { trainStep } from '../../core/app/train-step.ts';
import type { TrainStepResult } from '../../core/app/train-step.ts';
import { exportData, exportFileNames } from '../../core/export/export-data.ts';
import { prepareExportFolder } from '../../core/export/export-target.ts';
import { pipelineDefaults, runPipeline } from '../../core/pipeline.ts';
import type { PipelineSummary } from '../../core/pipeline.ts';
import { choiceOption, dbOption, integerOption, parseCommandArgs } from '../arguments.ts';
import { withEarshot } from '../command.ts';
import { createProgressPrinter } from '../progress-printer.ts';
import { crawlPipelineStep, formatCrawlSummary } from '../../core/spotify/index.ts';
import type { CrawlSource, CrawlSummary } from '../../core/spotify/index.ts';
import { credentialsFromEnv, readSources } from '../spotify-sources.ts';
import { rematchUnmatched, unmatchedSources } from '../../core/ratings/history/rematch.ts';
import type { Store } from '../../core/store/store.ts';
import { plural } from '../../core/plural.ts';

/** `--source unmatched`: the recordings of your listening history no track matched yet. */
const unmatchedFlag = 'unmatched';

function withUnmatched(store: Store, sources: CrawlSource[], wanted: boolean): CrawlSource[] {
  if (!wanted) return sources;
  const found = readSources(unmatchedSources(store), undefined);
  return [...sources, ...found.filter((s) => !sources.some((t) => t.key === s.key))];
}

function formatTraining(outcome: TrainStepResult | undefined): string {
  if (outcome === undefined || outcome === 'no-ratings') return 'not trained: no ratings';
  if (outcome === 'up-to-date') return 'up to date (trained on exactly these ratings)';
  if (!outcome.ok) return `failed: ${outcome.error.message}`;
  const m = outcome.metrics;
  return `SVD, ${plural(m.ratingCount, 'rating')}, ${plural(m.userCount, 'listener')} × ${plural(m.itemCount, 'song')}, train RMSE ${m.trainRmse.toFixed(3)}, ${m.fitSeconds.toFixed(2)} s`;
}

function formatSummary(
  summary: PipelineSummary<CrawlSummary, TrainStepResult>,
  spotify: string | undefined,
): string {
  const { catalog, ratings } = summary;
  const crawl = summary.crawl
    ? formatCrawlSummary(summary.crawl)
    : spotify === undefined
      ? []
      : [spotify];
  return [
    `Catalog   ${plural(catalog.inserted, 'new track')}, ${catalog.updated} refreshed`,
    ...crawl.map((line, i) => `${i === 0 ? 'Spotify' : '       '}   ${line}`),
    `Ratings   ${ratings.action === 'unchanged' ? 'unchanged' : `${ratings.action}: ${plural(ratings.ratingsWritten, 'rating')}`} (${plural(ratings.listeners, 'simulated listener')})`,
    `Model     ${formatTraining(summary.training)}`,
    `Took      ${summary.seconds.toFixed(2)} s`,
    '',
  ].join('\n');
}

/** The pipeline ran, but the crawl stopped before its sources were done (see the README). */
export const crawlStoppedExitCode = 3;

/** Runs `earshot pipeline`; resolves to the exit code. */
export async function run(args: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(args, {
    ...dbOption,
    listeners: { type: 'string' },
    seed: { type: 'string' },
    'ratings-mode': { type: 'string' },
    export: { type: 'string' },
    force: { type: 'boolean' },
    source: { type: 'string', multiple: true },
    'sources-file': { type: 'string' },
  });
  const flags = values.source ?? [];
  const wantsUnmatched = flags.includes(unmatchedFlag);
  const given = readSources(
    flags.filter((flag) => flag !== unmatchedFlag),
    values['sources-file'],
  );
  const credentials = credentialsFromEnv(io.env);
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
  const force = values.force ?? false;
  // Refuse an export that would fail before the minutes of work that come first.
  if (exportDir !== undefined) prepareExportFolder(exportDir, exportFileNames, force);
  // The pipeline loads the catalog and the listeners itself (its first steps, reported), and
  // trains once: nothing to bootstrap, no retrain to schedule.
  const composed = { bootstrap: false, retrainOnChange: false } as const;
  return withEarshot(values.db, io, 'create', composed, async (earshot) => {
    const { store } = earshot;
    const sources = withUnmatched(store, given, wantsUnmatched);
    const crawl =
      sources.length > 0 && credentials !== undefined
        ? crawlPipelineStep(sources, { credentials, env: io.env })
        : undefined;
    const spotifyNote =
      sources.length > 0 && credentials === undefined
        ? 'not crawled: set SPOTIFY_CLIENT_ID and SPOTIFY_CLIENT_SECRET to crawl Spotify; the catalog is as it was'
        : wantsUnmatched && sources.length === 0
          ? 'no unmatched recordings to crawl: import a listening history first'
          : undefined;
    const summary = await runPipeline(
      store,
      {
        listeners,
        seed,
        ratingsMode,
        onProgress: (p) => progress.update({ label: p.message, done: p.done, total: p.total }),
      },
      {
        train: (target, report, signal) =>
          trainStep(target, report, { options: earshot.modelOptions(), signal }),
        ...(crawl ? { crawl } : {}),
      },
    );
    progress.finish();
    io.out(formatSummary(summary, spotifyNote));
    if (crawl !== undefined && store.signals.unmatched().length > 0) {
      // New tracks may be recordings of the listening history that nothing matched before.
      const rematched = rematchUnmatched(store);
      io.out(
        `History   ${plural(rematched.matched, 'unmatched recording')} now matched, ${rematched.unmatched} still unmatched\n`,
      );
    }
    if (typeof summary.training === 'object' && !summary.training.ok) {
      // The catalog and ratings are saved; the previous model (if any) stays in place.
      io.err(`earshot pipeline: training failed: ${summary.training.error.message}\n`);
      return 1;
    }
    if (exportDir !== undefined) {
      const exported = await exportData(store, exportDir, { force });
      io.out(`Exported  ${exported.songsFile}, ${exported.ratingsFile}\n`);
    }
    const stopped = summary.crawl?.stopped;
    if (stopped) {
      // Everything else ran and the crawl's progress is kept, but what was asked is not done.
      io.err(
        `earshot pipeline: the Spotify crawl stopped early (${stopped.reason}): ${stopped.message}\n`,
      );
      return crawlStoppedExitCode;
    }
    return 0;
  });
}
