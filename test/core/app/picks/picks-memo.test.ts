import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAppService } from '../../../../main/core/app/app-service.ts';
import type { AppService } from '../../../../main/core/app/app-service.ts';
import { EventHub } from '../../../../main/core/app/event-hub.ts';
import { ModelManager } from '../../../../main/core/app/model-manager.ts';
import type { ModelSource } from '../../../../main/core/app/model-source.ts';
import { appModelOptions } from '../../../../main/core/app/model-settings.ts';
import { PicksMemo } from '../../../../main/core/app/picks/picks-memo.ts';
import type { PicksInputs } from '../../../../main/core/app/picks/picks-memo.ts';
import type { Result, RecommendResponse } from '../../../../main/core/contract/index.ts';
import { Prng } from '../../../../main/core/random.ts';
import { openStore } from '../../../../main/core/store/store.ts';
import type { Store } from '../../../../main/core/store/store.ts';
import { localListenerId } from '../../../../main/core/store/user-repository.ts';
import { buildTrainedDatabase, copyDatabase } from '../../../helpers/trained-store.ts';

let trained: Awaited<ReturnType<typeof buildTrainedDatabase>>;
let path: string;
let store: Store;
let models: ModelManager;

beforeAll(async () => {
  trained = await buildTrainedDatabase(300);
});
afterAll(() => trained.remove());

beforeEach(() => {
  path = copyDatabase(trained.path);
  store = openStore(path);
  models = new ModelManager({ store, events: new EventHub(), retrainOnChange: false });
  expect(models.start()).toEqual({ status: 'loaded' });
  return () => {
    models.close();
    store.close();
  };
});

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

function serviceOn(source: ModelSource = models): AppService {
  const random = new Prng(5);
  return createAppService({ store, models: source, random: () => random.nextFloat() });
}

const ids = (answer: RecommendResponse) => answer.recommendations.map((r) => r.track.id);

/** The answer a service that has never answered before gives on the same database. */
async function freshAnswer(request: { count?: number } = {}): Promise<RecommendResponse> {
  return value(await serviceOn().handle('recommend', request));
}

/** A listener who rated ten songs, as after two rounds. */
async function listenerWithRatings(service: AppService): Promise<number[]> {
  const songs = value(await service.handle('songsToRate', { count: 10 }));
  const ratings = songs.map((s, i) => ({ trackId: s.id, stars: [5, 5, 4, 1, 2][i % 5] }));
  value(await service.handle('submitRatings', { ratings }));
  return songs.map((s) => s.id);
}

const totalChanges = () => store.db.prepare('SELECT total_changes() AS n').get() as { n: number };

describe('asking for picks again', () => {
  it('gives the same answer, frozen, without writing to the database', async () => {
    const service = serviceOn();
    await listenerWithRatings(service);
    const first = value(await service.handle('recommend', {}));
    const writes = totalChanges();
    const shown = store.settings.get('picks.shown');
    const again = value(await service.handle('recommend', {}));
    const third = value(await service.handle('recommend', {}));
    expect(again).toBe(first);
    expect(third).toBe(first);
    expect(Object.isFrozen(first.recommendations[0].track.genres)).toBe(true);
    expect(totalChanges()).toEqual(writes);
    expect(store.settings.get('picks.shown')).toEqual(shown);
    expect(await freshAnswer()).toEqual(first);
  });

  it('still rotates: songs shown in the last lists and left alone are held back', async () => {
    const service = serviceOn();
    const rated = await listenerWithRatings(service);
    const lists = [ids(value(await service.handle('recommend', {})))];
    // Each new rating makes a new list, judged against the ones shown before it.
    for (const trackId of rated.slice(0, 3)) {
      value(await service.handle('submitRatings', { ratings: [{ trackId, stars: 3 }] }));
      const list = ids(value(await service.handle('recommend', {})));
      expect(ids(value(await service.handle('recommend', {})))).toEqual(list);
      lists.push(list);
    }
    expect(lists[1][0]).not.toBe(lists[0][0]);
    const everShown = new Set(lists.flat());
    expect(everShown.size).toBeGreaterThan(lists[0].length);
    expect(ids(await freshAnswer())).toEqual(lists.at(-1));
  });
});

describe('a remembered answer is given up when what it depends on changes', () => {
  afterEach(() => vi.useRealTimers());

  /** Asks, applies `change`, asks again: the second answer must be the one a fresh service gives. */
  async function expectFollows(
    change: (service: AppService) => unknown,
    request: { count?: number } = {},
  ): Promise<void> {
    const service = serviceOn();
    await listenerWithRatings(service);
    const before = value(await service.handle('recommend', {}));
    value(await service.handle('recommend', {}));
    await change(service);
    const after = value(await service.handle('recommend', request));
    expect(after).not.toEqual(before);
    expect(after).toEqual(await freshAnswer(request));
  }

  it('a new rating', () =>
    expectFollows(async (service) => {
      const [song] = value(await service.handle('songsToRate', { count: 1 }));
      value(await service.handle('submitRatings', { ratings: [{ trackId: song.id, stars: 5 }] }));
    }));

  it('a song marked "not interested"', () =>
    expectFollows(async (service) => {
      const top = value(await service.handle('recommend', {})).recommendations[0].track.id;
      value(await service.handle('notInterested', { trackId: top }));
    }));

  it('how many picks the preferences ask for, and how varied', async () => {
    await expectFollows((service) => service.handle('setPreferences', { recommendations: 5 }));
    await expectFollows((service) => service.handle('setPreferences', { diversity: 1 }));
  });

  it('how many picks the request asks for', () => expectFollows(() => undefined, { count: 6 }));

  it('starting over', () => expectFollows((service) => service.handle('startOver', undefined)));

  it('the taste start', () =>
    expectFollows(async (service) => {
      // Liking a genre none of the picks has, and disliking each one theirs, moves the prior.
      const shown = value(await service.handle('recommend', {})).recommendations;
      const theirs = new Set(shown.flatMap((p) => p.track.genres));
      const { choices } = value(await service.handle('getTaste', undefined));
      const other = choices.genres.find((g) => !theirs.has(g.name))!.name;
      value(
        await service.handle('setTaste', { likedGenres: [other], dislikedGenres: [...theirs] }),
      );
    }));

  it('a rating written by another process', () =>
    expectFollows(() => {
      const other = openStore(path);
      try {
        const me = other.users.find('local', localListenerId)!;
        const rated = new Set(other.ratings.forUser(me.id).map((r) => r.trackId));
        const song = other.tracks.list().find((t) => !rated.has(t.id))!;
        other.ratings.upsertMany([{ userId: me.id, trackId: song.id, rating: 5, ratedAt: 1 }]);
      } finally {
        other.close();
      }
    }));

  it('the pick history cleared by another process', () =>
    expectFollows(async (service) => {
      // Two more lists, so that the latest is judged against earlier ones.
      const [song] = value(await service.handle('songsToRate', { count: 1 }));
      value(await service.handle('submitRatings', { ratings: [{ trackId: song.id, stars: 4 }] }));
      value(await service.handle('recommend', {}));
      const other = openStore(path);
      other.settings.set('picks.shown', []);
      other.close();
    }));

  it('listening history', () =>
    expectFollows(() => {
      const me = store.users.find('local', localListenerId)!;
      const rated = new Set(store.ratings.forUser(me.id).map((r) => r.trackId));
      const played = store.tracks
        .list()
        .filter((t) => !rated.has(t.id))
        .slice(0, 8);
      const now = Math.floor(Date.now() / 1000);
      const signals = played.map((t) => ({
        trackId: t.id,
        plays: 10,
        skips: 0,
        listened: 10,
        listenedRecent: 10,
        lastPlayedAt: now,
      }));
      store.signals.replaceForUser(me.id, signals, []);
    }));

  it('time, for a listener whose plays fade', async () => {
    const service = serviceOn();
    await listenerWithRatings(service);
    const me = store.users.find('local', localListenerId)!;
    const rated = new Set(store.ratings.forUser(me.id).map((r) => r.trackId));
    const played = store.tracks
      .list()
      .filter((t) => !rated.has(t.id))
      .slice(0, 8);
    const now = Math.floor(Date.now() / 1000);
    store.signals.replaceForUser(
      me.id,
      played.map((t) => ({
        trackId: t.id,
        plays: 12,
        skips: 0,
        listened: 12,
        listenedRecent: 12,
        lastPlayedAt: now,
      })),
      [],
    );
    const before = value(await service.handle('recommend', {}));
    expect(value(await service.handle('recommend', {}))).toBe(before);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime((now + 3 * 365 * 86_400) * 1000);
    const after = value(await service.handle('recommend', {}));
    expect(after).not.toEqual(before);
    expect(after).toEqual(await freshAnswer());
  });

  it('the catalog (a refresh renamed a song)', () =>
    expectFollows((service) => {
      const top = (store.settings.get('picks.shown') as { trackIds: number[] }[]).at(-1)!
        .trackIds[0];
      store.db.prepare("UPDATE tracks SET title = title || ' (Live)' WHERE id = ?").run(top);
      service.catalogChanged();
    }));

  it('the model (a retrain)', async () => {
    const retrained = new ModelManager({
      store,
      events: new EventHub(),
      retrainOnChange: false,
      options: { ...appModelOptions, factors: 8, seed: 77 },
    });
    let source: ModelSource = models;
    // Only the models change, not when they were trained (that is an input of its own).
    const switching: ModelSource = {
      current: () => source.current(),
      info: () => models.info(),
      training: () => source.training(),
      ratingsChanged: () => source.ratingsChanged(),
    };
    const service = serviceOn(switching);
    await listenerWithRatings(service);
    const before = value(await service.handle('recommend', {}));
    expect((await retrained.trainNow()).ok).toBe(true);
    source = retrained;
    const after = value(await service.handle('recommend', {}));
    expect(after).not.toEqual(before);
    const fresh = value(await serviceOn(switching).handle('recommend', {}));
    retrained.close();
    expect(after).toEqual(fresh);
  });

  it('when the model was trained (whether the latest ratings are folded in)', async () => {
    let trainedAt = 0;
    const later: ModelSource = {
      current: () => models.current(),
      info: () => ({ ...models.info()!, trainedAt }),
      training: () => models.training(),
      ratingsChanged: () => undefined,
    };
    const service = serviceOn(later);
    await listenerWithRatings(service);
    expect(value(await service.handle('recommend', {})).foldedIn).toBe(true);
    trainedAt = Number.MAX_SAFE_INTEGER;
    expect(value(await service.handle('recommend', {})).foldedIn).toBe(false);
  });
});

describe('PicksMemo', () => {
  async function someInputs(): Promise<PicksInputs> {
    return {
      models: (await models.current())!,
      trainedAt: 100,
      catalog: new Map(store.tracks.list().map((t) => [t.id, t])),
      unrecommendable: [],
      count: 3,
      diversity: 0.1,
      ratings: [
        { trackId: 1, rating: 5, ratedAt: 10 },
        { trackId: 2, rating: 2, ratedAt: 11 },
      ],
      hidden: new Set([3, 4]),
      listening: [{ trackId: 5, strength: 0.5, plays: 3, skips: 0 }],
      shown: [{ key: '1:5,2:2,-3,-4', trackIds: [7, 8, 9] }],
      taste: {
        likedGenres: ['folk'],
        dislikedGenres: ['metal'],
        decades: [1970],
        artists: ['Nick Drake'],
        skipped: false,
      },
      popularity: new Map([[1, 12]]),
    };
  }

  /** For every input, a value equal to it in all but that one respect: the memo must notice. */
  const changes: { [K in keyof PicksInputs]: (inputs: PicksInputs) => PicksInputs[K] } = {
    models: (i) => ({ ...i.models }),
    trainedAt: (i) => i.trainedAt + 1,
    catalog: (i) => new Map(i.catalog),
    unrecommendable: (i) => [...i.unrecommendable],
    count: (i) => i.count + 1,
    diversity: (i) => i.diversity + 0.1,
    ratings: (i) => i.ratings.map((r, n) => (n === 1 ? { ...r, ratedAt: r.ratedAt + 1 } : r)),
    hidden: (i) => new Set([...i.hidden].reverse()),
    listening: (i) => i.listening.map((p) => ({ ...p, strength: p.strength * 0.999 })),
    shown: (i) => [{ ...i.shown[0], trackIds: [7, 9, 8] }],
    taste: (i) => ({ ...i.taste, decades: [1980] }),
    popularity: (i) => new Map(i.popularity),
  };

  const split = ({
    ratings,
    hidden,
    listening,
    shown,
    taste,
    popularity,
    ...current
  }: PicksInputs) => ({
    current,
    stored: { ratings, hidden, listening, shown, taste, popularity },
  });

  it('answers inputs equal in every respect, and no others', async () => {
    const inputs = await someInputs();
    const answer: RecommendResponse = { recommendations: [], foldedIn: true };
    /** What a memo that has just remembered `inputs` answers for `asked`. */
    const answerFor = (asked: PicksInputs) => {
      const memo = new PicksMemo(store);
      memo.remember(inputs, answer);
      const { current, stored } = split(asked);
      return memo.lookup(current, () => stored, 1000).answer;
    };
    const { current, stored } = split(inputs);
    expect(new PicksMemo(store).lookup(current, () => stored, 1000)).toEqual({
      inputs,
      answer: undefined,
    });
    expect(answerFor({ ...inputs, ratings: inputs.ratings.map((r) => ({ ...r })) })).toBe(answer);
    for (const [name, change] of Object.entries(changes))
      expect(answerFor({ ...inputs, [name]: change(inputs) }), name).toBeUndefined();
  });

  it('reads the stored inputs again only after the database changed', async () => {
    const memo = new PicksMemo(store);
    const inputs = await someInputs();
    const { current, stored } = split(inputs);
    let reads = 0;
    const read = () => {
      reads += 1;
      return stored;
    };
    memo.remember(inputs, { recommendations: [], foldedIn: true });
    memo.lookup(current, read, 1000); // the first after remembering reads: making it may have written
    memo.lookup(current, read, 1000);
    memo.lookup(current, read, 1000);
    expect(reads).toBe(1);
    store.settings.set('unrelated', 1); // this connection
    memo.lookup(current, read, 1000);
    memo.lookup(current, read, 1000);
    expect(reads).toBe(2);
    const other = openStore(path); // another connection, as another process
    other.settings.set('unrelated', 2);
    other.close();
    memo.lookup(current, read, 1000);
    expect(reads).toBe(3);
  });

  it('with plays, whose strengths fade, reads them again each new second; without, it need not', async () => {
    const memo = new PicksMemo(store);
    const inputs = await someInputs();
    for (const listening of [inputs.listening, []]) {
      const { current, stored } = split({ ...inputs, listening });
      let reads = 0;
      const read = () => {
        reads += 1;
        return stored;
      };
      memo.remember({ ...inputs, listening }, { recommendations: [], foldedIn: true });
      memo.lookup(current, read, 1000);
      memo.lookup(current, read, 1000);
      memo.lookup(current, read, 1001);
      memo.lookup(current, read, 1001);
      expect(reads).toBe(listening.length === 0 ? 1 : 2);
    }
  });
});
