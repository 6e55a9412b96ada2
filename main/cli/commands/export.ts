import { exportData } from '../../core/export-data.ts';
import { dbOption, parseCommandArgs } from '../arguments.ts';
import { UsageError } from '../cli-io.ts';
import type { Command } from '../command.ts';
import { withStore } from '../command.ts';

export const exportCommand: Command = {
  name: 'export',
  summary: 'Write songs.csv and user_ratings.csv (userID,itemID,rating) into a folder.',
  usage: 'earshot export --out DIR [--db PATH]',
  async run(args, io) {
    const { values } = parseCommandArgs(args, { ...dbOption, out: { type: 'string' } });
    if (values.out === undefined) throw new UsageError('--out DIR is required');
    const out = values.out;
    const summary = await withStore(values.db, io, (store) => exportData(store, out));
    io.out(
      `Wrote ${summary.songs} songs to ${summary.songsFile}\nWrote ${summary.ratings} ratings to ${summary.ratingsFile}\n`,
    );
    return 0;
  },
};
