import type { CliIo } from '../cli-io.ts';
import { UsageError } from '../cli-io.ts';
import { limits, ratingSort } from '../../core/contract/index.ts';
import type { ListedRatingView, ListRatingsResponse } from '../../core/contract/index.ts';
import type { AppService } from '../../core/app/app-service.ts';
import { plural } from '../../core/plural.ts';
import { choiceOption, dbOption, integerOption, parseCommandArgs } from '../arguments.ts';
import { withEarshot } from '../command.ts';
import { describeSong } from './rate.ts';
import { ratedStars } from './recommend.ts';

const sortNames = ratingSort.options;
const orderText = {
  recent: 'newest first',
  stars: 'most stars first',
  title: 'by title',
  artist: 'by artist',
} as const;

/** The day a rating was given, in the local time zone: 2026-12-02. */
function day(unixSeconds: number): string {
  const date = new Date(unixSeconds * 1000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;
}

function line(rating: ListedRatingView): string {
  const id = `--id ${rating.track.id}`.padEnd(11);
  return `  ${ratedStars(rating.stars)}  ${id} ${describeSong(rating.track)} · ${day(rating.ratedAt)}`;
}

function print(io: CliIo, page: ListRatingsResponse, heading: string, offset: number): void {
  if (page.listenerRatings === 0) {
    io.out(
      'You have not rated any song yet. `earshot rate "QUERY" STARS` or `earshot recommend`.\n',
    );
    return;
  }
  if (page.total === 0) {
    io.out(`None of your ${plural(page.listenerRatings, 'rating')} matches.\n`);
    return;
  }
  const last = offset + page.ratings.length;
  const range = page.ratings.length < page.total ? `${offset + 1}–${last} of ` : '';
  io.out(
    `Your ratings, ${heading} (${range}${page.total}):\n${page.ratings.map(line).join('\n')}\n`,
  );
  if (last < page.total) io.out(`…and ${page.total - last} more: --offset ${last}\n`);
}

/** Removes each rating in turn, saying which song it was; stops at the first that fails. */
async function remove(service: AppService, ids: readonly string[], io: CliIo): Promise<number> {
  for (const text of ids) {
    const trackId = integerOption(text, 'remove', 0, 1);
    const removed = await service.handle('removeRating', { trackId });
    if (!removed.ok) {
      io.err(`earshot ratings: ${removed.error.message}\n`);
      return 1;
    }
    const { removed: was, listenerRatings } = removed.value;
    io.out(
      `Removed your rating of ${describeSong(was.track)} (${ratedStars(was.stars)}). ${plural(listenerRatings, 'rating')} left.\n`,
    );
  }
  return 0;
}

/** Runs `earshot ratings`; resolves to the exit code. */
export async function run(args: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(args, {
    ...dbOption,
    search: { type: 'string' },
    sort: { type: 'string' },
    limit: { type: 'string' },
    offset: { type: 'string' },
    json: { type: 'boolean' },
    remove: { type: 'string', multiple: true },
  });
  const sort = choiceOption(values.sort, 'sort', sortNames, 'recent');
  const limit = integerOption(values.limit, 'limit', 50, 1, limits.ratingsPage.max);
  const offset = integerOption(values.offset, 'offset', 0);
  const removing = values.remove ?? [];
  if (removing.length > 0 && (values.search ?? values.sort ?? values.json) !== undefined)
    throw new UsageError('--remove takes no --search, --sort or --json');
  return withEarshot(values.db, io, 'existing', { retrainOnChange: false }, async ({ service }) => {
    if (removing.length > 0) return remove(service, removing, io);
    const query = values.search;
    const page = await service.handle('listRatings', { sort, limit, offset, query });
    if (!page.ok) {
      io.err(`earshot ratings: ${page.error.message}\n`);
      return 1;
    }
    if (values.json === true) io.out(`${JSON.stringify(page.value, null, 2)}\n`);
    else print(io, page.value, `${orderText[sort]}${query ? ` matching "${query}"` : ''}`, offset);
    return 0;
  });
}
