import type { CliIo } from '../cli-io.ts';
import { limits } from '../../core/contract/index.ts';
import type { RecommendationView, Result, TrackView } from '../../core/contract/index.ts';
import type { AppService } from '../../core/app/app-service.ts';
import { dbOption, integerOption, parseCommandArgs } from '../arguments.ts';
import { withEarshot } from '../command.ts';
import { createLineReader, InputEnded } from '../line-reader.ts';
import { plural } from '../../core/plural.ts';

/** A failed service call, shown as its message; the command exits 1. */
class CallFailed extends Error {}

function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new CallFailed(result.error.message);
  return result.value;
}

function stars(count: number): string {
  const whole = Math.round(count);
  return '★'.repeat(whole) + '☆'.repeat(5 - whole);
}

/**
 * A stored rating to the nearest half star within 0.5–5 (3.5 → "★★★½☆"), the rule the
 * window's `starGlyphs` follows too: imported ratings may carry halves or finer values.
 */
export function ratedStars(rating: number): string {
  const shown = Math.max(0.5, Math.min(5, Math.round(rating * 2) / 2));
  const whole = Math.floor(shown);
  const half = shown % 1 === 0 ? '' : '½';
  return '★'.repeat(whole) + half + '☆'.repeat(5 - whole - (half === '' ? 0 : 1));
}

function describe(track: TrackView): string {
  const details = [track.album, track.year].filter((d) => d !== null).join(', ');
  return `${track.title} — ${track.artists.join(', ')}${details ? ` (${details})` : ''}`;
}

/**
 * "because you liked X ★★★★★ (punk, rock)", "because you often play X (12 plays) (punk)",
 * "because you like folk" (the taste start) or "you didn't like Y ★☆☆☆☆".
 */
function formatReason(reason: RecommendationView['reasons'][number]): string {
  const rated = reason.stars === null ? '(not interested)' : ratedStars(reason.stars);
  const genres = reason.sharedGenres.length > 0 ? ` (${reason.sharedGenres.join(', ')})` : '';
  if (reason.kind === 'played') {
    const plays = reason.plays ?? 0;
    return `because you often play ${reason.track.title} (${plural(plays, 'play')})${genres}`;
  }
  if (reason.kind === 'likedTrait') return `because you like ${reason.trait ?? reason.track.title}`;
  return reason.kind === 'liked'
    ? `because you liked ${reason.track.title} ${rated}${genres}`
    : `you didn't like ${reason.track.title} ${rated}`;
}

export function formatRecommendation(r: RecommendationView, rank: number): string {
  const why =
    r.reasons.length > 0
      ? r.reasons.map(formatReason).join('; ')
      : 'liked by listeners whose taste is close to yours';
  return [
    `  ${rank}. ${describe(r.track)}${r.track.genres.length > 0 ? ` [${r.track.genres.join(', ')}]` : ''}`,
    `     ${stars(r.predictedStars)} ${r.predictedStars.toFixed(1)} predicted · ${r.confidence.label}`,
    `     ${why}`,
    `     ${r.track.spotifyUrl}`,
  ].join('\n');
}

/** Asks about each song until it has a star rating; 0 swaps the song for another. */
async function rateRound(
  service: AppService,
  count: number,
  ask: (prompt: string) => Promise<string>,
  say: (text: string) => void,
): Promise<{ trackId: number; stars: number }[]> {
  const songs = [...unwrap(await service.handle('songsToRate', { count }))];
  const ratings: { trackId: number; stars: number }[] = [];
  let i = 0;
  while (i < songs.length) {
    const song = songs[i];
    const answer = (
      await ask(
        `\n[${i + 1}/${songs.length}] ${describe(song)}\n  stars (1-5, 0 = don't know it)> `,
      )
    ).trim();
    if (answer === '0') {
      songs[i] = unwrap(
        await service.handle('skipSong', { trackId: song.id, exclude: songs.map((s) => s.id) }),
      );
    } else if (/^[1-5]$/.test(answer)) {
      ratings.push({ trackId: song.id, stars: Number(answer) });
      i++;
    } else {
      say(
        `  "${answer}" is not a rating: type a number from 1 to 5, or 0 if you don't know the song.\n`,
      );
    }
  }
  return ratings;
}

/** Runs `earshot recommend`; resolves to the exit code. */
export async function run(args: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(args, {
    ...dbOption,
    rate: { type: 'string' },
    top: { type: 'string' },
  });
  const rate = integerOption(
    values.rate,
    'rate',
    5,
    limits.songsToRate.min,
    limits.songsToRate.max,
  );
  const top = integerOption(
    values.top,
    'top',
    3,
    limits.recommendations.min,
    limits.recommendations.max,
  );
  const reader = createLineReader(io.stdin);
  const ask = async (prompt: string): Promise<string> => {
    io.out(prompt);
    const answer = await reader.next();
    // A terminal shows what was typed; a piped answer is printed so a log reads like a session.
    if (!io.isInputTty) io.out(`${answer}\n`);
    return answer;
  };
  try {
    return await rateAndRecommend(values.db, io, { rate, top }, ask);
  } finally {
    reader.close();
  }
}

async function rateAndRecommend(
  db: string | undefined,
  io: CliIo,
  { rate, top }: { rate: number; top: number },
  ask: (prompt: string) => Promise<string>,
): Promise<number> {
  // No background retrain here: the process ends with the answer, and the next start sees the
  // new ratings (the stored model's fingerprint no longer matches) and trains then.
  return withEarshot(db, io, 'create', { retrainOnChange: false }, async (earshot) => {
    const { models, service } = earshot;
    try {
      if (models.start().status === 'training')
        io.err('Training the model first (a few seconds)…\n');
      io.out(`Rate ${plural(rate, 'song')} from 1 to 5 stars, or 0 if you don't know one.\n`);
      const ratings = await rateRound(service, rate, ask, io.out);
      unwrap(await service.handle('submitRatings', { ratings }));
      const { recommendations } = unwrap(await service.handle('recommend', { count: top }));
      io.out(
        `\nYour top ${recommendations.length}, the likeliest first:\n${recommendations.map((r, i) => formatRecommendation(r, i + 1)).join('\n')}\n`,
      );
      return 0;
    } catch (error) {
      if (error instanceof InputEnded) {
        io.err(
          `\nearshot recommend: input ended before ${rate === 1 ? 'the song was' : `all ${rate} songs were`} rated; nothing was saved.\n`,
        );
        return 1;
      }
      if (error instanceof CallFailed) {
        io.err(`earshot recommend: ${error.message}\n`);
        return 1;
      }
      throw error;
    }
  });
}
