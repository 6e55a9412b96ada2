import type { CliIo } from '../cli-io.ts';
import { exportData } from '../../core/export/export-data.ts';
import { dbOption, parseCommandArgs } from '../arguments.ts';
import { UsageError } from '../cli-io.ts';
import { withStore } from '../command.ts';
import { exitCodeFor, withInterrupt } from '../interrupt.ts';
import { createProgressPrinter } from '../progress-printer.ts';
import { plural } from '../../core/plural.ts';

/** Runs `earshot export`; resolves to the exit code. */
export async function run(args: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(args, {
    ...dbOption,
    out: { type: 'string' },
    force: { type: 'boolean' },
  });
  if (values.out === undefined) throw new UsageError('--out DIR is required');
  const out = values.out;
  const progress = createProgressPrinter(io);
  const outcome = await withStore(values.db, io, 'existing', (store) =>
    withInterrupt((signal) =>
      exportData(store, out, {
        force: values.force ?? false,
        signal,
        onProgress: ({ file, done, total }) =>
          progress.update({ label: `Writing ${file}`, done, total }),
      }),
    ),
  );
  progress.finish();
  if (!outcome.done) {
    io.err(
      `earshot export: interrupted (${outcome.signal}) before it finished; no partial file was left in ${out}.\n`,
    );
    return exitCodeFor(outcome.signal);
  }
  const summary = outcome.value;
  io.out(
    `Wrote ${plural(summary.songs, 'song')} to ${summary.songsFile}\nWrote ${plural(summary.ratings, 'rating')} to ${summary.ratingsFile}\n`,
  );
  return 0;
}
