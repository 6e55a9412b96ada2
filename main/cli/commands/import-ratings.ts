import type { CliIo } from '../cli-io.ts';
import { importRatingsFile } from '../../core/ratings/import/import-ratings.ts';
import type { ImportSummary } from '../../core/ratings/import/import-ratings.ts';
import { describeBadLines } from '../../core/ratings/import/import-error.ts';
import { formatScale, isWithin, storedScale } from '../../core/ratings/import/rating-scale.ts';
import { dbOption, parseCommandArgs } from '../arguments.ts';
import { UsageError } from '../cli-io.ts';
import { withStore } from '../command.ts';
import { createProgressPrinter } from '../progress-printer.ts';
import { ratingFileFlags, ratingFileOptions } from '../rating-file-options.ts';
import { nounFor, plural } from '../../core/plural.ts';

function describe(summary: ImportSummary): string {
  const who = summary.asMe ? 'as your own' : `by ${plural(summary.users, 'listener')}`;
  const scale = isWithin(summary.scale, storedScale)
    ? ''
    : ` (scale ${formatScale(summary.scale)} mapped onto ${formatScale(storedScale)})`;
  return (
    `Imported ${plural(summary.imported, 'rating')} ${who} from ${summary.file}${scale}` +
    (summary.placeholders > 0
      ? ` (${plural(summary.placeholders, 'item')} not in the catalog added as ${nounFor(summary.placeholders, 'a placeholder', 'placeholders')})`
      : '') +
    (summary.repeated > 0
      ? `; ${plural(summary.repeated, 'repeated line')} kept ${nounFor(summary.repeated, 'its', 'their')} last value`
      : '') +
    (summary.leftOut > 0
      ? `; ${plural(summary.leftOut, 'rating')} of other listeners left out`
      : '') +
    '\n'
  );
}

/** Runs `earshot import-ratings`; resolves to the exit code. */
export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    {
      ...dbOption,
      ...ratingFileFlags,
      'skip-bad': { type: 'boolean' },
      'as-me': { type: 'boolean' },
    },
    true,
  );
  const [file, ...extra] = positionals;
  if (file === undefined || extra.length > 0)
    throw new UsageError('give exactly one FILE to import');
  const parsing = ratingFileOptions(values, file);
  const progress = createProgressPrinter(io);
  const summary = await withStore(values.db, io, 'create', (store) =>
    importRatingsFile(store, file, {
      ...parsing,
      skipBad: values['skip-bad'] ?? false,
      asMe: values['as-me'] ?? false,
      onProgress: ({ phase, done, total }) =>
        progress.update({ label: `${phase} ratings`, done, total }),
    }),
  );
  progress.finish();
  io.out(describe(summary));
  if (summary.skipped.length > 0) {
    io.out(
      `Skipped ${plural(summary.skipped.length, 'bad line')}:\n${describeBadLines(file, summary.skipped)}\n`,
    );
  }
  return 0;
}
