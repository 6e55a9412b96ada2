import type { CliIo } from '../cli-io.ts';
import { limits } from '../../core/contract/index.ts';
import type { RecommendResponse, Result } from '../../core/contract/index.ts';
import type { AppService } from '../../core/app/app-service.ts';
import { dbOption, integerOption, parseCommandArgs } from '../arguments.ts';
import { UsageError } from '../cli-io.ts';
import { withEarshot } from '../command.ts';
import { formatRecommendation } from './recommend.ts';

/** `--rate 42=5`: a pick rated right from the terminal. */
function parseRating(text: string): { trackId: number; stars: number } {
  const match = /^(\d+)=([1-5])$/.exec(text.trim());
  if (match === null)
    throw new UsageError(`--rate takes TRACK_ID=STARS (stars 1 to 5), got "${text}"`);
  return { trackId: Number(match[1]), stars: Number(match[2]) };
}

/** Applies `--rate` and `--not-interested` to the local listener before the picks are made. */
async function applyFeedback(
  service: AppService,
  rate: readonly string[],
  hide: readonly string[],
): Promise<Result<unknown>> {
  if (rate.length > 0) {
    const saved = await service.handle('submitRatings', { ratings: rate.map(parseRating) });
    if (!saved.ok) return saved;
  }
  for (const id of hide) {
    const hidden = await service.handle('notInterested', { trackId: Number(id) });
    if (!hidden.ok) return hidden;
  }
  return { ok: true, value: null };
}

function print(io: CliIo, picks: RecommendResponse, asJson: boolean, who: string): void {
  if (asJson) {
    io.out(`${JSON.stringify(picks, null, 2)}\n`);
    return;
  }
  const { recommendations } = picks;
  if (recommendations.length === 0) io.out(`No picks for ${who} yet: rate a few songs first.\n`);
  else
    io.out(
      `Picks for ${who}:\n${recommendations.map((r, i) => formatRecommendation(r, i + 1)).join('\n')}\n`,
    );
}

/** Runs `earshot picks`; resolves to the exit code. */
export async function run(args: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(args, {
    ...dbOption,
    user: { type: 'string' },
    top: { type: 'string' },
    json: { type: 'boolean' },
    rate: { type: 'string', multiple: true },
    'not-interested': { type: 'string', multiple: true },
  });
  const top = integerOption(
    values.top,
    'top',
    3,
    limits.recommendations.min,
    limits.recommendations.max,
  );
  const rate = values.rate ?? [];
  const hide = values['not-interested'] ?? [];
  if (values.user !== undefined && (rate.length > 0 || hide.length > 0)) {
    throw new UsageError('--rate and --not-interested change your own profile: leave out --user');
  }
  return withEarshot(values.db, io, 'existing', { retrainOnChange: false }, async (earshot) => {
    if (earshot.models.start().status === 'training')
      io.err('Training the model first (a few seconds)…\n');
    const { service } = earshot;
    const changed = await applyFeedback(service, rate, hide);
    const picks = changed.ok
      ? values.user === undefined
        ? await service.handle('recommend', { count: top })
        : await service.picksOf(values.user, top)
      : changed;
    if (!picks.ok) {
      io.err(`earshot picks: ${picks.error.message}\n`);
      return 1;
    }
    print(io, picks.value, values.json === true, values.user ?? 'you');
    return 0;
  });
}
