import { likelyKnown } from '../../main/core/app/likely-known.ts';
import { ndcgAt } from '../../main/core/app/personas/elicitation-trials.ts';
import type { ElicitationOutcome } from '../../main/core/app/personas/elicitation-trials.ts';
import { pickSongs } from '../../main/core/app/song-picker.ts';
import type { PickableSong, TrackRatingStats } from '../../main/core/app/song-picker.ts';
import type { RatingStrategy } from '../../main/core/contract/index.ts';
import { Prng, mixSeeds } from '../../main/core/random.ts';
import { pickRankingOptions } from '../../main/core/recommender/algorithms/picks.ts';
import { createRanker } from '../../main/core/recommender/algorithms/ranker.ts';
import type { Ranker } from '../../main/core/recommender/algorithms/ranker.ts';
import { fitRankingModel } from '../../main/core/recommender/algorithms/ranking-model.ts';
import type { RatingArrays } from '../../main/core/store/rating-repository.ts';

/** Per item: count, mean, sd and whole-star entropy, as the app's rating repository gives them. */
function itemStats(ratings: RatingArrays): Map<number, TrackRatingStats> {
  const sums = new Map<number, { n: number; sum: number; squares: number; bins: number[] }>();
  for (let r = 0; r < ratings.ratings.length; r++) {
    const s = sums.get(ratings.trackIds[r]) ?? { n: 0, sum: 0, squares: 0, bins: [0, 0, 0, 0, 0] };
    const stars = ratings.ratings[r];
    s.n++;
    s.sum += stars;
    s.squares += stars * stars;
    s.bins[Math.min(4, Math.max(0, Math.round(stars) - 1))]++;
    sums.set(ratings.trackIds[r], s);
  }
  return new Map(
    [...sums].map(([id, s]) => {
      const mean = s.sum / s.n;
      let entropy = 0;
      for (const b of s.bins) if (b > 0) entropy -= (b / s.n) * Math.log2(b / s.n);
      return [
        id,
        { count: s.n, mean, sd: Math.sqrt(Math.max(0, s.squares / s.n - mean * mean)), entropy },
      ];
    }),
  );
}

function splitUsers(ratings: RatingArrays, users: number, seed: number) {
  const ids = [...new Set(ratings.userIds)].sort((a, b) => a - b);
  const random = new Prng(mixSeeds(seed, 0x3117));
  for (let i = ids.length - 1; i > 0; i--) {
    const j = random.nextInt(i + 1);
    [ids[i], ids[j]] = [ids[j], ids[i]];
  }
  const heldOut = new Set(ids.slice(0, users));
  const keep = Array.from(ratings.userIds, (u) => !heldOut.has(u));
  const pick = <T extends Int32Array | Float32Array>(column: T) =>
    column.filter((_, r) => keep[r]) as T;
  const train = {
    userIds: pick(ratings.userIds),
    trackIds: pick(ratings.trackIds),
    ratings: pick(ratings.ratings),
  };
  const profiles = new Map<number, Map<number, number>>([...heldOut].map((u) => [u, new Map()]));
  for (let r = 0; r < ratings.userIds.length; r++)
    profiles.get(ratings.userIds[r])?.set(ratings.trackIds[r], ratings.ratings[r]);
  return { train, profiles: [...profiles.values()] };
}

interface Context {
  readonly ranker: Ranker;
  readonly stats: Map<number, TrackRatingStats>;
  readonly items: readonly PickableSong[];
  readonly strategy: RatingStrategy;
  readonly random: () => number;
}

/** One round: rate what is known on screen, then "don't know it" per slot until known. */
function round(
  context: Context,
  profile: Map<number, number>,
  answered: Map<number, number>,
  skipped: Set<number>,
): number {
  const offer = (count: number, onScreen: readonly number[], known: readonly number[]) => {
    const stars = (id: number) => ({ trackId: id, stars: profile.get(id) ?? answered.get(id)! });
    const unavailable = new Set([...answered.keys(), ...skipped, ...onScreen]);
    const likely =
      context.strategy === 'adaptive'
        ? likelyKnown(
            context.ranker,
            { known: [...answered.keys(), ...known].map(stars), unknown: [...skipped] },
            { size: 40, exclude: unavailable },
          )
        : undefined;
    return pickSongs({
      candidates: context.items.filter((s) => !unavailable.has(s.id)),
      count,
      strategy: context.strategy,
      random: context.random,
      stats: context.stats,
      ...(likely === undefined ? {} : { likelyKnown: likely }),
    }).map((s) => s.id);
  };
  const shown = offer(5, [], []);
  const rated = new Set(shown.filter((id) => profile.has(id)));
  let presses = 0;
  for (let slot = 0; slot < shown.length; slot++) {
    while (!rated.has(shown[slot]) && presses < 300) {
      presses++;
      skipped.add(shown[slot]);
      const [next] = offer(1, shown, [...rated]);
      if (next === undefined) break;
      shown[slot] = next;
      if (profile.has(next)) rated.add(next);
    }
  }
  for (const id of rated) answered.set(id, profile.get(id)!);
  return presses;
}

/** MovieLens prepared once for every strategy: held-out users and a model fitted without them. */
export interface PreparedMovieLens {
  readonly ranker: Ranker;
  readonly stats: Map<number, TrackRatingStats>;
  readonly profiles: readonly Map<number, number>[];
}

/** `users` held-out users (seeded) and the app's ranking model fitted on everyone else. */
export function prepareMovieLens(
  ratings: RatingArrays,
  options: { readonly users: number; readonly seed: number },
): PreparedMovieLens {
  const { train, profiles } = splitUsers(ratings, options.users, options.seed);
  const stats = itemStats(train);
  const ranker = createRanker(fitRankingModel(train, pickRankingOptions(stats.size)));
  return { ranker, stats, profiles };
}

/**
 * The elicitation on MovieLens 100k: a held-out user "knows" a movie they rated and answers with
 * their stars. After each of two rounds of 5, NDCG@3 of the ranking model's top 3 against their
 * other 4★+ movies.
 */
export function runMovieLensElicitation(
  prepared: PreparedMovieLens,
  options: { readonly strategy: RatingStrategy; readonly seed: number },
): ElicitationOutcome[] {
  const random = new Prng(mixSeeds(options.seed, 0xa11));
  const context: Context = {
    ranker: prepared.ranker,
    stats: prepared.stats,
    items: [...prepared.stats.keys()].map((id) => ({ id, artists: [] })),
    strategy: options.strategy,
    random: () => random.nextFloat(),
  };
  return prepared.profiles.map((profile) => {
    const answered = new Map<number, number>();
    const skipped = new Set<number>();
    const presses: number[] = [];
    const answers: number[] = [];
    const ndcg: number[] = [];
    for (let r = 0; r < 2; r++) {
      presses.push(round(context, profile, answered, skipped));
      answers.push(answered.size);
      const { items } = context.ranker.rank(
        { trackIds: [...answered.keys()], ratings: [...answered.values()] },
        { count: 3 },
      );
      const liked = (id: number) => !answered.has(id) && (profile.get(id) ?? 0) >= 4;
      const relevant = [...profile.keys()].filter(liked).length;
      ndcg.push(
        ndcgAt(
          items.map((i) => liked(i.trackId)),
          relevant,
          3,
        ),
      );
    }
    return { presses, answers, ndcg };
  });
}
