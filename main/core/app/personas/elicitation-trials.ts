import type { Track } from '../../catalog/track.ts';
import type { RatingStrategy, Result, SongRating, TasteRequest } from '../../contract/index.ts';
import type { AppService } from '../app-service.ts';
import type { NewListener } from './new-listeners.ts';

export interface ElicitationOptions {
  readonly strategy: RatingStrategy;
  /** A taste start given before the first round; none by default. */
  readonly taste?: TasteRequest;
  /** Rating rounds (each followed by the picks). Default 2. */
  readonly rounds?: number;
  readonly songsToRate?: number;
  readonly picks?: number;
  /** Give up on a round after this many "don't know it" presses. Default 300. */
  readonly maxPresses?: number;
}

/** What one new listener went through, round by round. */
export interface ElicitationOutcome {
  /** "Don't know it" presses per round. */
  readonly presses: readonly number[];
  /** Songs rated in all, after each round. */
  readonly answers: readonly number[];
  /** NDCG@picks of the picks after each round, against the songs they like and did not rate. */
  readonly ndcg: readonly number[];
}

function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

/**
 * NDCG@k with binary relevance: Σ rel_i / log2(i + 2) over the list, divided by the same for a
 * list of min(k, relevant) relevant songs; 0 when nothing is relevant.
 */
export function ndcgAt(list: readonly boolean[], relevant: number, k: number): number {
  let dcg = 0;
  let ideal = 0;
  for (let i = 0; i < k; i++) {
    if (list[i] === true) dcg += 1 / Math.log2(i + 2);
    if (i < relevant) ideal += 1 / Math.log2(i + 2);
  }
  return ideal === 0 ? 0 : dcg / ideal;
}

/**
 * One round as a person does it: they first rate every song on screen they know, then press
 * "don't know it" on each other song until its replacement is one they know.
 */
async function rateRound(
  service: AppService,
  listener: NewListener,
  tracks: ReadonlyMap<number, Track>,
  options: { count: number; maxPresses: number },
): Promise<{ ratings: SongRating[]; presses: number }> {
  const shown = [...unwrap(await service.handle('songsToRate', { count: options.count }))];
  const stars = new Map<number, number>();
  const answer = (trackId: number): boolean => {
    const track = tracks.get(trackId)!;
    if (!listener.knows(track)) return false;
    stars.set(trackId, listener.stars(track));
    return true;
  };
  for (const song of shown) answer(song.id);
  let presses = 0;
  for (let slot = 0; slot < shown.length; slot++) {
    while (!stars.has(shown[slot].id)) {
      if (presses === options.maxPresses) break;
      presses++;
      const next = await service.handle('skipSong', {
        trackId: shown[slot].id,
        exclude: shown.map((t) => t.id),
        rated: [...stars].map(([trackId, s]) => ({ trackId, stars: s })),
      });
      if (!next.ok) break;
      shown[slot] = next.value;
      answer(next.value.id);
    }
  }
  return { ratings: [...stars].map(([trackId, s]) => ({ trackId, stars: s })), presses };
}

/**
 * A new listener's first rounds through the app service, exactly as the faces call it: a fresh
 * profile, the strategy set as a preference, an optional taste start, then rounds of rating with
 * "don't know it" presses, each followed by the picks, judged against what they like.
 */
export async function runElicitation(
  service: AppService,
  listener: NewListener,
  catalog: readonly Track[],
  options: ElicitationOptions,
): Promise<ElicitationOutcome> {
  const tracks = new Map(catalog.map((t) => [t.id, t]));
  unwrap(await service.handle('startOver', undefined));
  unwrap(await service.handle('setPreferences', { strategy: options.strategy }));
  unwrap(await service.handle('setTaste', options.taste ?? {}));
  const rated = new Set<number>();
  const presses: number[] = [];
  const answers: number[] = [];
  const ndcg: number[] = [];
  const k = options.picks ?? 3;
  for (let round = 0; round < (options.rounds ?? 2); round++) {
    const outcome = await rateRound(service, listener, tracks, {
      count: options.songsToRate ?? 5,
      maxPresses: options.maxPresses ?? 300,
    });
    presses.push(outcome.presses);
    for (const r of outcome.ratings) rated.add(r.trackId);
    answers.push(rated.size);
    if (outcome.ratings.length > 0)
      unwrap(await service.handle('submitRatings', { ratings: outcome.ratings }));
    const { recommendations } = unwrap(await service.handle('recommend', { count: k }));
    const relevant = catalog.filter((t) => !rated.has(t.id) && listener.likes(t)).length;
    const hits = recommendations.map((p) => listener.likes(tracks.get(p.track.id)!));
    ndcg.push(ndcgAt(hits, relevant, k));
  }
  return { presses, answers, ndcg };
}

/** The value at fraction `p` (0–1) of the sorted values, by nearest rank; 0 for none. */
function nearestRank(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)];
}

function middle(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const half = sorted.length / 2;
  return Number.isInteger(half) ? (sorted[half - 1] + sorted[half]) / 2 : sorted[Math.floor(half)];
}

/** Per round: median and 90th-percentile presses, mean NDCG; and rounds that ended short. */
export function summariseElicitation(outcomes: readonly ElicitationOutcome[]) {
  const rounds = Math.max(0, ...outcomes.map((o) => o.presses.length));
  const perRound = Array.from({ length: rounds }, (_, round) => {
    const presses = outcomes.map((o) => o.presses[round] ?? 0);
    const ndcg = outcomes.map((o) => o.ndcg[round] ?? 0);
    return {
      medianPresses: middle(presses),
      p90Presses: nearestRank(presses, 0.9),
      meanNdcg: ndcg.reduce((s, v) => s + v, 0) / Math.max(1, ndcg.length),
    };
  });
  return { listeners: outcomes.length, perRound };
}
