import type { AppService } from '../app-service.ts';
import type { Track } from '../../catalog/track.ts';
import type { RecommendationView, Result, TrackView } from '../../contract/index.ts';
import { Prng } from '../../random.ts';
import { drawPersona } from './personas.ts';
import type { Persona, PersonaKind } from './personas.ts';

export interface TrialOptions {
  readonly kind: PersonaKind;
  readonly trials: number;
  readonly seed: number;
  /** Rating rounds per trial (each followed by a list of picks). Default 2. */
  readonly rounds?: number;
  readonly songsToRate?: number;
  readonly picks?: number;
  /** Give up on a round after this many "don't know it" presses. Default 400. */
  readonly maxSkips?: number;
  /** Each persona gives their taste start first (see personas.ts); none by default. */
  readonly withTaste?: boolean;
}

/** One list of picks as the persona judged it. */
export interface JudgedList {
  /** Whether the persona had given any song 4★ or more: without one, no list can be on taste. */
  readonly hasLiked: boolean;
  readonly coherent: boolean;
  readonly allLoved: boolean;
  readonly distinctArtists: boolean;
  /** "Because" reasons that cite a song the persona rated 2★ or less. */
  readonly dislikedReasons: number;
  /** Picks also in the previous round's list. */
  readonly repeats: number;
  readonly skips: number;
  /** Which rating round of the trial (0: the first) the list followed. */
  readonly round: number;
}

export interface TrialReport {
  readonly kind: PersonaKind;
  readonly lists: readonly JudgedList[];
  /** The first list of each trial, with the persona's taste, for reading aloud. */
  readonly samples: readonly { readonly persona: string; readonly picks: readonly string[] }[];
}

function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** One rating round as a person does it: rate what they know, "don't know it" for the rest. */
async function rateRound(
  service: AppService,
  persona: Persona,
  tracks: ReadonlyMap<number, Track>,
  random: Prng,
  options: { count: number; maxSkips: number },
): Promise<{ ratings: { trackId: number; stars: number }[]; skips: number }> {
  const shown: TrackView[] = [
    ...unwrap(await service.handle('songsToRate', { count: options.count })),
  ];
  const ratings: { trackId: number; stars: number }[] = [];
  let skips = 0;
  for (let i = 0; i < shown.length; i++) {
    for (;;) {
      const stars = persona.stars(tracks.get(shown[i].id)!, random);
      if (stars !== null) {
        ratings.push({ trackId: shown[i].id, stars });
        break;
      }
      if (++skips > options.maxSkips) return { ratings, skips };
      const exclude = shown.map((t) => t.id);
      const next = await service.handle('skipSong', { trackId: shown[i].id, exclude });
      if (!next.ok) return { ratings, skips };
      shown[i] = next.value;
    }
  }
  return { ratings, skips };
}

function judge(
  picks: readonly RecommendationView[],
  persona: Persona,
  tracks: ReadonlyMap<number, Track>,
  rated: ReadonlyMap<number, number>,
  previous: readonly number[],
  skips: number,
  round: number,
): JudgedList {
  const verdicts = picks.map((p) => persona.verdict(tracks.get(p.track.id)!));
  const loved = verdicts.filter((v) => v === 'loved').length;
  const becauses = picks.flatMap((p) => p.reasons.filter((r) => r.kind === 'liked'));
  return {
    hasLiked: [...rated.values()].some((stars) => stars >= 4),
    coherent: loved >= Math.min(2, picks.length) && !verdicts.includes('disliked'),
    allLoved: loved === picks.length,
    distinctArtists: new Set(picks.map((p) => p.track.artists[0])).size === picks.length,
    dislikedReasons: becauses.filter((r) => (rated.get(r.track.id) ?? 5) <= 2).length,
    repeats: picks.filter((p) => previous.includes(p.track.id)).length,
    skips,
    round,
  };
}

/**
 * Seeded simulated people using the app service exactly as the faces do: a fresh profile each
 * trial, rounds of rating with "don't know it" presses, then the picks, judged by the persona.
 */
export async function runPersonaTrials(
  service: AppService,
  catalog: readonly Track[],
  options: TrialOptions,
): Promise<TrialReport> {
  const tracks = new Map(catalog.map((t) => [t.id, t]));
  const lists: JudgedList[] = [];
  const samples: { persona: string; picks: string[] }[] = [];
  for (let trial = 0; trial < options.trials; trial++) {
    const random = new Prng(options.seed * 7919 + trial);
    const persona = drawPersona(options.kind, catalog, random);
    unwrap(await service.handle('startOver', undefined));
    unwrap(await service.handle('setTaste', options.withTaste === true ? persona.taste : {}));
    const rated = new Map<number, number>();
    let previous: number[] = [];
    for (let round = 0; round < (options.rounds ?? 2); round++) {
      const { ratings, skips } = await rateRound(service, persona, tracks, random, {
        count: options.songsToRate ?? 5,
        maxSkips: options.maxSkips ?? 400,
      });
      for (const r of ratings) rated.set(r.trackId, r.stars);
      if (ratings.length > 0) unwrap(await service.handle('submitRatings', { ratings }));
      const { recommendations } = unwrap(
        await service.handle('recommend', { count: options.picks ?? 3 }),
      );
      const judged = judge(recommendations, persona, tracks, rated, previous, skips, round);
      lists.push(judged);
      if (round === 0) {
        const line = (p: RecommendationView) =>
          `${p.track.title} — ${p.track.artists[0]} [${p.track.genres.join(', ')}; ${p.track.year}] ${p.predictedStars}★` +
          p.reasons
            .map((r) =>
              r.kind === 'likedTrait'
                ? ` because you like ${r.trait}`
                : ` ${r.kind === 'liked' ? 'because' : 'not'} ${r.track.title} ${r.stars}★`,
            )
            .join(';');
        samples.push({ persona: persona.describe, picks: recommendations.map(line) });
      }
      previous = recommendations.map((p) => p.track.id);
    }
  }
  return { kind: options.kind, lists, samples };
}

/** Shares of the lists (0–1) and totals, as the benchmark and the test report them. */
export function summarise(report: TrialReport) {
  const n = report.lists.length;
  const share = (f: (l: JudgedList) => boolean) => report.lists.filter(f).length / n;
  const judged = report.lists.filter((l) => l.hasLiked);
  const sorted = report.lists.map((l) => l.skips).sort((a, b) => a - b);
  return {
    kind: report.kind,
    lists: n,
    /** Among lists made after the persona liked at least one song. */
    coherence: judged.filter((l) => l.coherent).length / judged.length,
    /** Lists made before the persona had liked anything (a round of only dislikes). */
    nothingLiked: n - judged.length,
    allLoved: share((l) => l.allLoved),
    distinctArtists: share((l) => l.distinctArtists),
    dislikedReasons: report.lists.reduce((sum, l) => sum + l.dislikedReasons, 0),
    repeatsPerList: report.lists.reduce((sum, l) => sum + l.repeats, 0) / n,
    medianSkips: sorted[Math.floor(n / 2)],
    /** Coherence and median presses of the first lists, then of the second lists. */
    coherenceByRound: [0, 1].map((round) => {
      const lists = judged.filter((l) => l.round === round);
      return lists.filter((l) => l.coherent).length / Math.max(1, lists.length);
    }),
    medianSkipsByRound: [0, 1].map((round) => {
      const skips = report.lists.filter((l) => l.round === round).map((l) => l.skips);
      return skips.sort((a, b) => a - b)[Math.floor(skips.length / 2)] ?? 0;
    }),
  };
}
