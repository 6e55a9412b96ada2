import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppService } from '../../../main/core/app/app-service.ts';
import { EventHub } from '../../../main/core/app/event-hub.ts';
import { ModelManager } from '../../../main/core/app/model-manager.ts';
import {
  ndcgAt,
  runElicitation,
  summariseElicitation,
} from '../../../main/core/app/personas/elicitation-trials.ts';
import {
  generatorListener,
  personaListener,
  popularityRanks,
} from '../../../main/core/app/personas/new-listeners.ts';
import type { NewListener } from '../../../main/core/app/personas/new-listeners.ts';
import { drawPersona } from '../../../main/core/app/personas/personas.ts';
import type { Track } from '../../../main/core/catalog/track.ts';
import { Prng } from '../../../main/core/random.ts';
import { openStore } from '../../../main/core/store/store.ts';
import type { Store } from '../../../main/core/store/store.ts';
import { buildTrainedDatabase, copyDatabase } from '../../helpers/trained-store.ts';

let trained: Awaited<ReturnType<typeof buildTrainedDatabase>>;
let store: Store;
let models: ModelManager;
let catalog: Track[];
let popularity: Map<number, number>;

beforeAll(async () => {
  trained = await buildTrainedDatabase(1000);
  store = openStore(copyDatabase(trained.path));
  models = new ModelManager({ store, events: new EventHub(), retrainOnChange: false });
  expect(models.start()).toEqual({ status: 'loaded' });
  catalog = store.tracks.list();
  const counts = new Map([...store.ratings.statsByTrack()].map(([id, s]) => [id, s.count]));
  popularity = popularityRanks(counts);
});
afterAll(() => {
  models.close();
  store.close();
  trained.remove();
});

function seeded(seed: number): () => number {
  const random = new Prng(seed);
  return () => random.nextFloat();
}

function oneGenreLover(seed: number): NewListener {
  return personaListener(
    drawPersona('loved-and-disliked-genre', catalog, new Prng(seed)),
    popularity,
    seed,
  );
}

describe('NDCG@k with binary relevance', () => {
  it('is 1 for a perfect list, 0 for a list of misses, and discounts a late hit', () => {
    expect(ndcgAt([true, true, true], 10, 3)).toBe(1);
    expect(ndcgAt([false, false, false], 10, 3)).toBe(0);
    // One relevant song in all, found second: (1 / log2 3) / 1.
    expect(ndcgAt([false, true, false], 1, 3)).toBeCloseTo(1 / Math.log2(3), 12);
    expect(ndcgAt([true], 0, 3)).toBe(0);
  });
});

describe('simulated new listeners', () => {
  it('answer the same song the same way every time, so every strategy meets the same person', () => {
    const a = oneGenreLover(3);
    const b = oneGenreLover(3);
    for (const track of catalog.slice(0, 200)) {
      expect(b.knows(track)).toBe(a.knows(track));
      if (a.knows(track)) expect(b.stars(track)).toBe(a.stars(track));
    }
  });

  it('know songs of their genre far more often than others, and hits more than the rest', () => {
    const listener = oneGenreLover(4);
    const loved = listener.taste.likedGenres?.[0] ?? '';
    const share = (tracks: readonly Track[]) =>
      tracks.filter((t) => listener.knows(t)).length / tracks.length;
    const own = catalog.filter((t) => t.genres.includes(loved));
    const other = catalog.filter(
      (t) =>
        listener.taste.dislikedGenres?.every((g) => !t.genres.includes(g)) &&
        !t.genres.includes(loved),
    );
    expect(share(own)).toBeGreaterThan(0.4);
    expect(share(other)).toBeLessThan(0.1);
    const hits = other.filter((t) => (popularity.get(t.id) ?? 0) > 0.9);
    const obscure = other.filter((t) => (popularity.get(t.id) ?? 0) < 0.5);
    expect(share(hits)).toBeGreaterThan(share(obscure));
  });

  it("drawn by the simulation's own generator, know some songs and like some of them", () => {
    const listener = generatorListener(catalog, 42, 5000);
    const known = catalog.filter((t) => listener.knows(t));
    expect(known.length).toBeGreaterThanOrEqual(5);
    expect(known.length).toBeLessThan(catalog.length / 2);
    expect(catalog.some((t) => listener.likes(t))).toBe(true);
    for (const t of known) expect([1, 2, 3, 4, 5]).toContain(listener.stars(t));
  });
});

describe('an elicitation run through the app service', () => {
  it('ends each round with 5 songs the listener knows, counting one press per song they did not', async () => {
    const service = createAppService({ store, models, random: seeded(1) });
    const listener = oneGenreLover(7);
    const outcome = await runElicitation(service, listener, catalog, { strategy: 'random' });
    expect(outcome.answers).toEqual([5, 10]);
    expect(outcome.presses).toHaveLength(2);
    // Every press is remembered by the core as a song not known.
    const skipped = store.settings.get('listener.skipped') as number[];
    expect(skipped).toHaveLength(outcome.presses[0] + outcome.presses[1]);
    for (const id of skipped) expect(listener.knows(catalog.find((t) => t.id === id)!)).toBe(false);
    for (const ndcg of outcome.ndcg) {
      expect(ndcg).toBeGreaterThanOrEqual(0);
      expect(ndcg).toBeLessThanOrEqual(1);
    }
  });

  it('with a taste start, a one-genre lover reaches 5 ratings in a few presses where random takes dozens', async () => {
    const service = createAppService({ store, models, random: seeded(1) });
    const blind = [];
    const withTaste = [];
    for (let seed = 20; seed < 26; seed++) {
      const listener = oneGenreLover(seed);
      const options = { strategy: 'adaptive' as const, rounds: 1 };
      blind.push(
        await runElicitation(service, listener, catalog, { ...options, strategy: 'random' }),
      );
      withTaste.push(
        await runElicitation(service, listener, catalog, { ...options, taste: listener.taste }),
      );
    }
    const [blindRound] = summariseElicitation(blind).perRound;
    const [tasteRound] = summariseElicitation(withTaste).perRound;
    expect(blindRound.medianPresses).toBeGreaterThan(10);
    expect(tasteRound.medianPresses).toBeLessThanOrEqual(3);
  });
});
