import { artistKey } from '../../catalog/normalise.ts';
import type { Track } from '../../catalog/track.ts';
import type { TasteRequest } from '../../contract/index.ts';
import { Prng, mixSeeds } from '../../random.ts';
import { drawTaste } from '../../ratings/listener-taste.ts';
import type { ListenerTaste } from '../../ratings/listener-taste.ts';
import { ratingNoise } from '../../ratings/simulated-rating.ts';
import { expectedStars, selectionWeight, toStars } from '../../ratings/taste-score.ts';
import { trackTraits } from '../../ratings/track-traits.ts';
import type { Persona } from './personas.ts';

/**
 * A simulated person meeting Earshot for the first time, for the elicitation benchmark. They
 * know only some songs; shown one they don't know, they press "don't know it". Every answer is
 * fixed per person and song (drawn from a seed of both), so every strategy meets the same person.
 */
export interface NewListener {
  readonly describe: string;
  knows(track: Track): boolean;
  /** The stars they give a song they know. */
  stars(track: Track): number;
  /** Whether they would love the song as a pick: what the held-out judgement counts. */
  likes(track: Track): boolean;
  /** What they would say on the taste start page. */
  readonly taste: TasteRequest;
}

/** A uniform draw in [0, 1) that depends only on the listener, the song and what it decides. */
function drawFor(seed: number, track: Track, what: number): Prng {
  return new Prng(mixSeeds(seed, track.id, what));
}

/**
 * Popularity in [0, 1]: a song's rank by how many listeners rated it (0 the least rated, 1 the
 * most), from the ratings the model was trained on.
 */
export function popularityRanks(counts: ReadonlyMap<number, number>): Map<number, number> {
  const ordered = [...counts].sort((a, b) => a[1] - b[1] || a[0] - b[0]);
  const last = Math.max(1, ordered.length - 1);
  return new Map(ordered.map(([trackId], rank) => [trackId, rank / last]));
}

/**
 * A persona (see personas.ts) as a new listener. The chance they know a song rises with how
 * popular it is and with how it touches their taste: a song they would love 0.3 + 0.65·pop, one
 * they would dislike 0.15 + 0.5·pop, any other 0.12·pop² — so a one-genre lover knows few songs
 * outside their genres, mostly big hits. Known songs get the persona's stars; a known song of no
 * interest to them gets 2–4.
 */
export function personaListener(
  persona: Persona,
  popularity: ReadonlyMap<number, number>,
  seed: number,
): NewListener {
  return {
    describe: persona.describe,
    knows(track) {
      const pop = popularity.get(track.id) ?? 0;
      const verdict = persona.verdict(track);
      const chance =
        verdict === 'loved'
          ? 0.3 + 0.65 * pop
          : verdict === 'disliked'
            ? 0.15 + 0.5 * pop
            : 0.12 * pop * pop;
      return drawFor(seed, track, 1).nextFloat() < chance;
    },
    stars(track) {
      const random = drawFor(seed, track, 2);
      const verdict = persona.verdict(track);
      if (verdict === 'loved') return random.nextFloat() < 0.75 ? 5 : 4;
      if (verdict === 'disliked') return random.nextFloat() < 0.75 ? 1 : 2;
      return 2 + random.nextInt(3);
    },
    likes: (track) => persona.verdict(track) === 'loved',
    taste: persona.taste,
  };
}

/**
 * A new person drawn exactly as the simulated listeners the model was trained on are drawn
 * (`drawTaste` with the simulation's seed, at an index past theirs: held out), with the same
 * songs' traits. They know a song with a chance in proportion to the generator's own pull
 * towards it (taste, era, loved artists, and fame for mainstream listeners) times √(0.05 + fame),
 * so hits are known more widely; on average 3 × their activity songs (15 at least, at most half
 * the catalog), no song above 95 %. Stars are the generator's: taste plus noise. They like a
 * song they would give 4★ or more.
 */
export function generatorListener(
  catalog: readonly Track[],
  simulationSeed: number,
  index: number,
): NewListener {
  const genres = [...new Set(catalog.flatMap((t) => t.genres))].sort();
  const artistKeys = [...new Set(catalog.flatMap((t) => t.artists.map(artistKey)))].sort();
  const taste: ListenerTaste = drawTaste(
    new Prng(mixSeeds(simulationSeed, index)),
    genres,
    artistKeys,
    catalog.length,
  );
  const seed = mixSeeds(simulationSeed, index, 0x6e6577);
  const weights = new Map<number, number>();
  const starsOf = new Map<number, number>();
  for (const track of catalog) {
    const features = { ...track, artistKeys: track.artists.map(artistKey) };
    const traits = trackTraits(simulationSeed, track.itemKey);
    weights.set(track.id, selectionWeight(taste, features, traits) * Math.sqrt(0.05 + traits.fame));
    const noise = drawFor(seed, track, 2).nextNormal(0, ratingNoise);
    starsOf.set(track.id, toStars(expectedStars(taste, features, traits), noise));
  }
  const total = [...weights.values()].reduce((sum, w) => sum + w, 0);
  const reach = Math.min(Math.max(3 * taste.activity, 15), catalog.length / 2);
  return {
    describe: `generator listener ${index}`,
    knows: (track) =>
      drawFor(seed, track, 1).nextFloat() <
      Math.min(0.95, (reach * (weights.get(track.id) ?? 0)) / total),
    stars: (track) => starsOf.get(track.id) ?? 3,
    likes: (track) => (starsOf.get(track.id) ?? 0) >= 4,
    // On the taste page they name their favourite genres (weight ≥ 0.75) and dislikes (≤ −0.5).
    taste: {
      likedGenres: genres.filter((g) => (taste.genreWeights[g] ?? 0) >= 0.75),
      dislikedGenres: genres.filter((g) => (taste.genreWeights[g] ?? 0) <= -0.5),
    },
  };
}
