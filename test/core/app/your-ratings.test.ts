import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAppService } from '../../../main/core/app/app-service.ts';
import type { AppService } from '../../../main/core/app/app-service.ts';
import { EventHub } from '../../../main/core/app/event-hub.ts';
import { ModelManager } from '../../../main/core/app/model-manager.ts';
import type { ModelSource } from '../../../main/core/app/model-source.ts';
import { Prng } from '../../../main/core/random.ts';
import { openStore } from '../../../main/core/store/store.ts';
import type { Store } from '../../../main/core/store/store.ts';
import type { Result } from '../../../main/core/contract/index.ts';
import { buildTrainedDatabase, copyDatabase } from '../../helpers/trained-store.ts';

let trained: Awaited<ReturnType<typeof buildTrainedDatabase>>;
let store: Store;
let service: AppService;
/** How many times the service told the models that ratings changed (each schedules a retrain). */
let retrains: number;

beforeAll(async () => {
  trained = await buildTrainedDatabase(300);
});
afterAll(() => trained.remove());

beforeEach(() => {
  store = openStore(copyDatabase(trained.path));
  const manager = new ModelManager({ store, events: new EventHub(), retrainDelayMs: 60_000 });
  manager.start();
  retrains = 0;
  const models: ModelSource = {
    current: () => manager.current(),
    info: () => manager.info(),
    training: () => manager.training(),
    ratingsChanged: () => {
      retrains += 1;
      manager.ratingsChanged();
    },
  };
  const random = new Prng(3);
  service = createAppService({ store, models, random: () => random.nextFloat() });
  return () => {
    manager.close();
    store.close();
  };
});

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** The id of the one catalog song with this exact title. */
function idOf(title: string): number {
  const ids = store.db.prepare('SELECT id FROM tracks WHERE title = ?').pluck().all(title);
  expect(ids).toHaveLength(1);
  return ids[0] as number;
}

describe('search to rate', () => {
  it('finds songs by title and artist as they are typed, with the stars already given', async () => {
    const jolene = idOf('Jolene');
    value(await service.handle('rateSong', { trackId: jolene, stars: 5 }));
    const found = value(await service.handle('searchTracks', { query: '  DOLLY jol ' }));
    expect(found.results[0]).toMatchObject({ track: { id: jolene, title: 'Jolene' }, stars: 5 });
    const typed = value(await service.handle('searchTracks', { query: 'bohem', limit: 3 }));
    expect(typed.results.map((r) => r.track.title)).toContain('Bohemian Rhapsody');
    expect(typed.results.every((r) => r.stars === null)).toBe(true);
    const refused = await service.handle('searchTracks', { query: 'x'.repeat(201) });
    expect(!refused.ok && refused.error.message).toBe(
      'query must be text of at most 200 characters',
    );
  });
});

describe('your ratings', () => {
  async function rateThree(): Promise<number[]> {
    const ids = ['Jolene', 'Bohemian Rhapsody', 'Like a Rolling Stone'].map(idOf);
    value(await service.handle('rateSong', { trackId: ids[0], stars: 2 }));
    value(await service.handle('submitRatings', { ratings: [{ trackId: ids[1], stars: 5 }] }));
    value(await service.handle('rateSong', { trackId: ids[2], stars: 4 }));
    // Every rating above was given within one second: set their times apart as if they were not.
    store.db
      .prepare(
        'UPDATE ratings SET rated_at = 1000 + track_id WHERE user_id = (SELECT id FROM users WHERE kind = ?)',
      )
      .run('local');
    return ids;
  }

  const titlesOf = async (request: object) =>
    value(await service.handle('listRatings', request)).ratings.map((r) => r.track.title);

  it('lists what the listener rated, sorted four ways, searched, a page at a time', async () => {
    const ids = await rateThree();
    const byTime = [...ids].sort((a, b) => b - a).map((id) => store.tracks.get(id)!.title);
    expect(await titlesOf({})).toEqual(byTime);
    const [jolene, bohemian, rollingStone] = [
      'Jolene',
      'Bohemian Rhapsody',
      'Like a Rolling Stone',
    ];
    expect(await titlesOf({ sort: 'stars' })).toEqual([bohemian, rollingStone, jolene]);
    expect(await titlesOf({ sort: 'title' })).toEqual([bohemian, jolene, rollingStone]);
    // Bob Dylan, Dolly Parton, Queen.
    expect(await titlesOf({ sort: 'artist' })).toEqual([rollingStone, jolene, bohemian]);
    expect(await titlesOf({ query: 'queen' })).toEqual(['Bohemian Rhapsody']);
    const page = value(await service.handle('listRatings', { sort: 'title', offset: 1, limit: 1 }));
    expect(page.ratings.map((r) => r.track.title)).toEqual(['Jolene']);
    expect(page).toMatchObject({ total: 3, listenerRatings: 3, setAside: 0 });
    expect(page.ratings[0].ratedAt).toBe(1000 + ids[0]);
  });

  it('changes and removes a rating, each change scheduling a retrain as a round does', async () => {
    const ids = await rateThree();
    expect(retrains).toBe(3);
    const changed = value(await service.handle('rateSong', { trackId: ids[0], stars: 5 }));
    expect(changed.rating).toMatchObject({ track: { id: ids[0] }, stars: 5 });
    expect(await titlesOf({ sort: 'recent', limit: 1 })).toEqual(['Jolene']);
    expect(value(await service.handle('removeRating', { trackId: ids[1] }))).toMatchObject({
      removed: { track: { title: 'Bohemian Rhapsody' }, stars: 5, ratedAt: 1000 + ids[1] },
      listenerRatings: 2,
    });
    expect(retrains).toBe(5);
    expect(await titlesOf({ sort: 'title' })).toEqual(['Jolene', 'Like a Rolling Stone']);
    const again = await service.handle('removeRating', { trackId: ids[1] });
    expect(!again.ok && again.error).toEqual({
      code: 'not-found',
      message: `You have not rated the song with id ${ids[1]}.`,
    });
    expect(retrains).toBe(5);
    const unknown = await service.handle('rateSong', { trackId: 999_999, stars: 3 });
    expect(!unknown.ok && unknown.error.code).toBe('not-found');
  });
});

describe('start over, and its undo', () => {
  const snapshot = () => ({
    ratings: store.db
      .prepare(
        "SELECT track_id, rating, rated_at FROM ratings WHERE user_id = (SELECT id FROM users WHERE kind = 'local') ORDER BY track_id",
      )
      .all(),
    skipped: store.settings.get('listener.skipped'),
    hidden: store.settings.get('listener.not-interested'),
    picks: store.settings.get('picks.shown'),
  });

  async function buildProfile(): Promise<void> {
    const songs = value(await service.handle('songsToRate', { count: 6 }));
    value(await service.handle('skipSong', { trackId: songs[5].id }));
    value(
      await service.handle('submitRatings', {
        ratings: songs.slice(0, 5).map((s, i) => ({ trackId: s.id, stars: (i % 5) + 1 })),
      }),
    );
    store.db
      .prepare('UPDATE ratings SET rated_at = 1234, rating = 3.5 WHERE track_id = ?')
      .run(songs[0].id);
    const picks = value(await service.handle('recommend', {}));
    value(await service.handle('notInterested', { trackId: picks.recommendations[0].track.id }));
    value(await service.handle('recommend', {}));
  }

  it('sets the whole profile aside, and Undo puts it back exactly', async () => {
    await buildProfile();
    const before = snapshot();
    expect(before.ratings).toHaveLength(5);
    expect((before.picks as unknown[]).length).toBeGreaterThan(0);
    expect(value(await service.handle('startOver', undefined))).toEqual({ removed: 5 });
    expect(snapshot()).toEqual({ ratings: [], skipped: [], hidden: [], picks: [] });
    expect(value(await service.handle('listRatings', {}))).toMatchObject({ total: 0, setAside: 5 });
    // Starting over again with nothing rated keeps what the first one set aside.
    expect(value(await service.handle('startOver', undefined))).toEqual({ removed: 0 });
    expect(value(await service.handle('undoStartOver', undefined))).toEqual({
      restored: 5,
      listenerRatings: 5,
    });
    expect(snapshot()).toEqual(before);
    const twice = await service.handle('undoStartOver', undefined);
    expect(!twice.ok && twice.error.code).toBe('not-found');
  });

  it('drops the profile set aside once the listener rates again, in a round or by search', async () => {
    await buildProfile();
    value(await service.handle('startOver', undefined));
    const round = value(await service.handle('songsToRate', { count: 2 }));
    value(
      await service.handle('submitRatings', {
        ratings: round.map((s) => ({ trackId: s.id, stars: 4 })),
      }),
    );
    expect(store.setAside.count()).toBe(0);
    const undo = await service.handle('undoStartOver', undefined);
    expect(!undo.ok && undo.error.code).toBe('not-found');
    expect(snapshot().ratings).toHaveLength(2);

    value(await service.handle('startOver', undefined));
    expect(store.setAside.count()).toBe(2);
    value(await service.handle('rateSong', { trackId: idOf('Jolene'), stars: 5 }));
    expect(value(await service.handle('listRatings', {}))).toMatchObject({ total: 1, setAside: 0 });
  });
});

describe('the round in progress', () => {
  it('is kept in the database with its stars, and dealt again as it was', async () => {
    const songs = value(await service.handle('songsToRate', { count: 3 }));
    const cards = songs.map((s, i) => ({ trackId: s.id, stars: i === 1 ? 4 : null }));
    expect(value(await service.handle('saveRound', { cards }))).toEqual({ cards: 3 });
    const draft = value(await service.handle('roundDraft', undefined));
    expect(draft.cards.map((c) => [c.track.id, c.stars])).toEqual(
      cards.map((c) => [c.trackId, c.stars]),
    );
    expect(draft.cards[0].track).toEqual(songs[0]);
    const refused = await service.handle('saveRound', { cards: [{ trackId: 999_999, stars: 2 }] });
    expect(!refused.ok && refused.error.code).toBe('not-found');
    const badStars = await service.handle('saveRound', {
      cards: [{ trackId: songs[0].id, stars: 6 }],
    });
    expect(!badStars.ok && badStars.error.field).toEqual(['cards', 0, 'stars']);
    expect(value(await service.handle('roundDraft', undefined)).cards).toHaveLength(3);
    value(await service.handle('saveRound', { cards: [] }));
    expect(value(await service.handle('roundDraft', undefined))).toEqual({ cards: [] });
  });
});
