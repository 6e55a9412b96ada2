import type { CliIo } from '../cli-io.ts';
import { collectStats } from '../../core/stats.ts';
import type { StoreStats } from '../../core/stats.ts';
import { dbOption, parseCommandArgs } from '../arguments.ts';
import { withStore } from '../command.ts';
import { plural } from '../../core/plural.ts';

export function formatStats(stats: StoreStats): string {
  const { tracks, listeners } = stats;
  const genres = stats.genres.map((g) => `${g.genre} ${g.tracks}`).join(', ');
  const picks = stats.picksModel ? `; picks ranked by ${stats.picksModel.algorithm}` : '';
  const model = stats.model
    ? `${stats.model.algorithm}, trained ${new Date(stats.model.createdAt * 1000).toISOString()}${picks}`
    : 'none yet (run `earshot pipeline`)';
  return [
    `Database   ${stats.databasePath}`,
    `Tracks     ${tracks.total} (${tracks.catalog} embedded catalog, ${tracks.spotify} from Spotify, ${plural(tracks.placeholder, 'placeholder')} of imports)`,
    `Artists    ${stats.artists}`,
    `Genres     ${stats.genres.length}${genres ? `: ${genres}` : ''}`,
    `Listeners  ${listeners.local + listeners.simulated + listeners.imported} (${listeners.local} local, ${listeners.simulated} simulated, ${listeners.imported} imported)`,
    `Ratings    ${stats.ratings}`,
    `Model      ${model}`,
    '',
  ].join('\n');
}

/** Runs `earshot stats`; resolves to the exit code. */
export async function run(args: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(args, { ...dbOption, json: { type: 'boolean' } });
  const stats = await withStore(values.db, io, 'existing', collectStats);
  io.out(values.json ? `${JSON.stringify(stats, null, 2)}\n` : formatStats(stats));
  return 0;
}
