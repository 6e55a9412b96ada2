import type { CliIo } from '../cli-io.ts';
import { UsageError } from '../cli-io.ts';
import type { AppService } from '../../core/app/app-service.ts';
import { clearMatch } from '../../core/app/clear-match.ts';
import type { RatedTrack, TrackView } from '../../core/contract/index.ts';
import { plural } from '../../core/plural.ts';
import { dbOption, integerOption, parseCommandArgs } from '../arguments.ts';
import { withEarshot } from '../command.ts';
import { ratedStars } from './recommend.ts';

/** Exit codes besides 0 (rated) and 2 (usage): see the README's `rate`. */
const noMatch = 1;
const severalMatch = 3;
/** Songs listed when a query names several. */
const shown = 5;

function parseStars(text: string | undefined): number {
  if (text === undefined || !/^[1-5]$/.test(text.trim()))
    throw new UsageError(`STARS must be a whole number from 1 to 5, got "${text ?? ''}"`);
  return Number(text);
}

export function describeSong(track: TrackView): string {
  return `${track.title} — ${track.artists.join(', ')}${track.year === null ? '' : ` (${track.year})`}`;
}

function candidateLine(result: RatedTrack): string {
  const rated = result.stars === null ? '' : `  you rated it ${ratedStars(result.stars)}`;
  return `  --id ${String(result.track.id).padEnd(6)} ${describeSong(result.track)}${rated}`;
}

/** The song a query names, or the exit code after saying why there is none. */
async function findSong(
  service: AppService,
  query: string,
  io: CliIo,
): Promise<RatedTrack | number> {
  const found = await service.handle('searchTracks', { query, limit: shown + 1 });
  if (!found.ok) {
    io.err(`earshot rate: ${found.error.message}\n`);
    return noMatch;
  }
  const { results } = found.value;
  const match = clearMatch(
    query,
    results.map((r) => r.track),
  );
  const named = results.find((r) => r.track.id === match?.id);
  if (named !== undefined) return named;
  if (results.length === 0) {
    io.err(`earshot rate: no song matches "${query}"; nothing was rated.\n`);
    return noMatch;
  }
  const more = results.length > shown ? ' (the first few)' : '';
  io.err(
    `earshot rate: several songs match "${query}"${more}; nothing was rated. Give a more exact query, or one of these ids with --id:\n` +
      `${results.slice(0, shown).map(candidateLine).join('\n')}\n`,
  );
  return severalMatch;
}

/** Runs `earshot rate "QUERY" STARS` or `earshot rate --id ID STARS`; resolves to the exit code. */
export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    { ...dbOption, id: { type: 'string' } },
    true,
  );
  const byId = values.id !== undefined;
  if (positionals.length !== (byId ? 1 : 2))
    throw new UsageError(byId ? 'give STARS after --id ID' : 'give a QUERY and STARS');
  const stars = parseStars(positionals.at(-1));
  const id = byId ? integerOption(values.id, 'id', 0, 1) : undefined;
  return withEarshot(values.db, io, 'existing', { retrainOnChange: false }, async ({ service }) => {
    let before: number | null = null;
    let trackId = id;
    if (trackId === undefined) {
      const song = await findSong(service, positionals[0], io);
      if (typeof song === 'number') return song;
      trackId = song.track.id;
      before = song.stars;
    }
    const saved = await service.handle('rateSong', { trackId, stars });
    if (!saved.ok) {
      io.err(`earshot rate: ${saved.error.message}\n`);
      return noMatch;
    }
    const { rating, listenerRatings } = saved.value;
    const was = before === null || before === stars ? '' : ` (was ${ratedStars(before)})`;
    io.out(
      `Rated ${describeSong(rating.track)} ${ratedStars(stars)}${was}. You have rated ${plural(listenerRatings, 'song')}.\n`,
    );
    return 0;
  });
}
