import type { CliIo } from '../cli-io.ts';
import { importRatingsFile } from '../../core/ratings/import/import-ratings.ts';
import { describeBadLines } from '../../core/ratings/import/import-error.ts';
import { guessRatingsFormat } from '../../core/ratings/import/rating-formats.ts';
import { choiceOption, dbOption, parseCommandArgs } from '../arguments.ts';
import { UsageError } from '../cli-io.ts';
import { withStore } from '../command.ts';
import { createProgressPrinter } from '../progress-printer.ts';
import { nounFor, plural } from '../../core/plural.ts';

/** Runs `earshot import-ratings`; resolves to the exit code. */
export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    { ...dbOption, format: { type: 'string' }, 'skip-bad': { type: 'boolean' } },
    true,
  );
  const [file, ...extra] = positionals;
  if (file === undefined || extra.length > 0)
    throw new UsageError('give exactly one FILE to import');
  const format = choiceOption(
    values.format,
    'format',
    ['csv', 'movielens'],
    guessRatingsFormat(file),
  );
  const progress = createProgressPrinter(io);
  const summary = await withStore(values.db, io, 'create', (store) =>
    importRatingsFile(store, file, {
      format,
      skipBad: values['skip-bad'] ?? false,
      onProgress: ({ phase, done, total }) =>
        progress.update({ label: `${phase} ratings`, done, total }),
    }),
  );
  progress.finish();
  io.out(
    `Imported ${plural(summary.imported, 'rating')} by ${plural(summary.users, 'listener')} from ${summary.file}` +
      (summary.placeholders > 0
        ? ` (${plural(summary.placeholders, 'item')} not in the catalog added as ${nounFor(summary.placeholders, 'a placeholder', 'placeholders')})`
        : '') +
      (summary.repeated > 0
        ? `; ${plural(summary.repeated, 'repeated line')} kept ${nounFor(summary.repeated, 'its', 'their')} last value`
        : '') +
      '\n',
  );
  if (summary.skipped.length > 0) {
    io.out(
      `Skipped ${plural(summary.skipped.length, 'bad line')}:\n${describeBadLines(file, summary.skipped)}\n`,
    );
  }
  return 0;
}
