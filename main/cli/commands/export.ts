import type { CliIo } from '../cli-io.ts';
import { exportData } from '../../core/export-data.ts';
import { dbOption, parseCommandArgs } from '../arguments.ts';
import { UsageError } from '../cli-io.ts';
import { withStore } from '../command.ts';

/** Runs `earshot export`; resolves to the exit code. */
export async function run(args: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(args, { ...dbOption, out: { type: 'string' } });
  if (values.out === undefined) throw new UsageError('--out DIR is required');
  const out = values.out;
  const summary = await withStore(values.db, io, 'existing', (store) => exportData(store, out));
  io.out(
    `Wrote ${summary.songs} songs to ${summary.songsFile}\nWrote ${summary.ratings} ratings to ${summary.ratingsFile}\n`,
  );
  return 0;
}
