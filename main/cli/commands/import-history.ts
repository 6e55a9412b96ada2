import type { CliIo } from '../cli-io.ts';
import { describeBadLines } from '../../core/ratings/import/import-error.ts';
import { expandHistoryPaths } from '../../core/ratings/history/history-files.ts';
import { importHistoryFiles } from '../../core/ratings/history/import-history.ts';
import type { HistoryImportSummary } from '../../core/ratings/history/import-history.ts';
import { historyFormats } from '../../core/ratings/history/read-history.ts';
import type { HistoryFormat } from '../../core/ratings/history/read-history.ts';
import { choiceOption, dbOption, parseCommandArgs } from '../arguments.ts';
import { UsageError } from '../cli-io.ts';
import { withStore } from '../command.ts';
import { createProgressPrinter } from '../progress-printer.ts';
import { nounFor } from '../../core/plural.ts';

/** "1 play", "12,345 plays": a count as a person writes it, with its noun. */
const count = (n: number, noun: string, many?: string): string =>
  `${n.toLocaleString('en')} ${nounFor(n, noun, many)}`;

function describe(summary: HistoryImportSummary): string {
  const { matched, unmatched } = summary;
  const by = Object.entries(matched.by)
    .filter(([, n]) => n > 0)
    .map(([how, n]) => `${n.toLocaleString('en')} by ${how}`)
    .join(', ');
  const lines = [
    ...summary.files.map((f) => `Read ${count(f.plays, 'play')} from ${f.file} (${f.format})`),
    `${count(summary.plays, 'play')} of ${count(summary.recordings, 'recording')}` +
      (summary.notMusic > 0
        ? ` (${count(summary.notMusic, 'podcast or unknown entry', 'podcast or unknown entries')} left out)`
        : ''),
    `Matched   ${count(matched.recordings, 'recording')}, ${count(matched.plays, 'play')}${by === '' ? '' : ` (${by})`}: ${count(summary.tracks, 'song')} now ${nounFor(summary.tracks, 'carries', 'carry')} a listening signal`,
    `Unmatched ${count(unmatched.recordings, 'recording')}, ${count(unmatched.plays, 'play')}: kept; \`earshot pipeline --source unmatched\` crawls Spotify for them`,
  ];
  if (summary.replaced > 0)
    lines.push(
      `Replaced the listening history imported before (${count(summary.replaced, 'song')}).`,
    );
  return `${lines.join('\n')}\n`;
}

/** Runs `earshot import-history`; resolves to the exit code. */
export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    { ...dbOption, format: { type: 'string' }, 'skip-bad': { type: 'boolean' } },
    true,
  );
  if (positionals.length === 0) throw new UsageError('give one or more history FILEs or folders');
  const format =
    values.format === undefined
      ? undefined
      : choiceOption<HistoryFormat>(values.format, 'format', historyFormats, 'spotify-extended');
  const files = expandHistoryPaths(positionals);
  if (files.length === 0)
    throw new UsageError(`no listening history files in ${positionals.join(', ')}`);
  const progress = createProgressPrinter(io);
  const summary = await withStore(values.db, io, 'create', (store) =>
    importHistoryFiles(store, files, {
      ...(format === undefined ? {} : { format }),
      skipBad: values['skip-bad'] ?? false,
      onProgress: ({ phase, done, total }) =>
        progress.update({ label: `${phase} history`, done, total }),
    }),
  );
  progress.finish();
  io.out(describe(summary));
  for (const file of summary.files.filter((f) => f.skipped.length > 0))
    io.out(
      `Skipped ${count(file.skipped.length, 'bad entry', 'bad entries')}:\n${describeBadLines(file.file, file.skipped)}\n`,
    );
  return 0;
}
