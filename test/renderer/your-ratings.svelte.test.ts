import { afterEach, describe, expect, it } from 'vitest';
import { Session } from '../../renderer/src/lib/state/session.svelte.ts';
import { SongSearch } from '../../renderer/src/lib/state/song-search.svelte.ts';
import { YourRatingsState } from '../../renderer/src/lib/state/your-ratings.svelte.ts';
import { FakeEarshot } from './fake-earshot-api.ts';

const sessions: Session[] = [];
afterEach(() => {
  for (const session of sessions.splice(0)) session.dispose();
});

async function started(earshot = new FakeEarshot(20)) {
  const session = new Session(earshot.api);
  sessions.push(session);
  await session.start();
  return { earshot, session };
}

const cardStars = (session: Session) =>
  session.round?.cards.map((card) => [card.track.id, card.stars ?? null]) ?? [];
/** Lets the draft saves queued by a change reach the fake. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('Session: the round in progress survives a reload', () => {
  it('keeps the cards and stars in the core, and a new session deals them again', async () => {
    const { earshot, session } = await started();
    session.rate(2, 4);
    await session.skip(3);
    session.rate(1, 5);
    await settle();
    expect(earshot.draft).toEqual([
      { trackId: 1, stars: 5 },
      { trackId: 2, stars: 4 },
      { trackId: 6, stars: null },
      { trackId: 4, stars: null },
      { trackId: 5, stars: null },
    ]);
    const reloaded = await started(earshot);
    expect(reloaded.session.view).toBe('rating');
    expect(cardStars(reloaded.session)).toEqual(cardStars(session));
    expect(earshot.callsTo('songsToRate')).toHaveLength(1);
  });

  it('forgets the round once it is submitted, so the next visit deals a fresh one', async () => {
    const { earshot, session } = await started();
    for (const id of [1, 2, 3, 4, 5]) session.rate(id, 3);
    await session.submit();
    await settle();
    expect(earshot.draft).toEqual([]);
    const next = await started(earshot);
    expect(cardStars(next.session).map(([id]) => id)).toEqual([6, 7, 8, 9, 10]);
  });
});

describe('Session: Start over and Undo', () => {
  it('offers Undo for the ratings set aside, which brings them and the picks back', async () => {
    const { earshot, session } = await started();
    for (const id of [1, 2, 3, 4, 5]) session.rate(id, 4);
    await session.submit();
    await session.startOver();
    expect(session.undoableStartOver).toBe(5);
    expect(session.listenerRatings).toBe(0);
    expect(session.view).toBe('rating');
    await session.undoStartOver();
    expect(session.undoableStartOver).toBe(0);
    expect(session.listenerRatings).toBe(5);
    expect(session.view).toBe('results');
    expect([...earshot.ratings.keys()]).toEqual([1, 2, 3, 4, 5]);
  });

  it('takes Undo away once a new round is submitted', async () => {
    const { earshot, session } = await started();
    for (const id of [1, 2, 3, 4, 5]) session.rate(id, 4);
    await session.submit();
    await session.startOver();
    for (const card of session.round?.cards ?? []) session.rate(card.track.id, 2);
    await session.submit();
    expect(session.undoableStartOver).toBe(0);
    expect(earshot.setAside).toBeNull();
  });
});

describe('SongSearch', () => {
  it('shows only the answer to the latest text, and rates a result at once', async () => {
    const earshot = new FakeEarshot(20);
    const rated: number[] = [];
    const search = new SongSearch(earshot.api, { delayMs: 0, onRated: (n) => rated.push(n) });
    const first = search.type('song 1');
    const latest = search.type('song 12');
    await Promise.all([latest, search.search()]);
    await first;
    expect(search.results.map((r) => r.track.title)).toEqual(['Song 12']);
    expect(search.status).toBe('done');
    await search.rate(12, 4);
    expect(search.results[0].stars).toBe(4);
    expect(search.notice).toBe('Saved Song 12: 4 stars.');
    expect(rated).toEqual([1]);
    await search.type('');
    expect(search.results).toEqual([]);
    expect(search.status).toBe('idle');
  });
});

describe('YourRatingsState', () => {
  async function withRatings() {
    const earshot = new FakeEarshot(20);
    for (const [id, stars] of [
      [3, 2],
      [7, 5],
      [12, 4],
    ])
      await earshot.api.rateSong({ trackId: id, stars });
    const changes: number[] = [];
    const page = new YourRatingsState(earshot.api, {
      delayMs: 0,
      onChanged: (n) => changes.push(n),
    });
    await page.load();
    return { earshot, page, changes };
  }
  const ids = (page: YourRatingsState) => page.ratings.map((r) => r.track.id);

  it('lists, sorts and filters the ratings', async () => {
    const { page } = await withRatings();
    expect(ids(page)).toEqual([12, 7, 3]);
    expect(page).toMatchObject({ total: 3, listenerRatings: 3, status: 'ready' });
    await page.sortBy('stars');
    expect(ids(page)).toEqual([7, 12, 3]);
    await page.filter('song 1');
    expect(ids(page)).toEqual([12]);
  });

  it('changes and removes a rating, and Undo gives a removed one back', async () => {
    const { earshot, page, changes } = await withRatings();
    await page.change(3, 5);
    expect(page.ratings.find((r) => r.track.id === 3)?.stars).toBe(5);
    await page.remove(7);
    expect(ids(page)).toEqual([12, 3]);
    expect(page.notice).toBe('Removed your rating of Song 7.');
    expect(earshot.ratings.has(7)).toBe(false);
    await page.undoRemove();
    expect(earshot.ratings.get(7)).toBe(5);
    expect(ids(page)).toEqual([7, 3, 12]);
    expect(changes).toEqual([3, 2, 3]);
  });

  it('offers Undo start over while ratings are set aside, and brings them back', async () => {
    const { earshot, page } = await withRatings();
    await earshot.api.startOver();
    await page.load();
    expect(page).toMatchObject({ setAside: 3, total: 0 });
    await page.undoStartOver();
    expect(page).toMatchObject({ setAside: 0, total: 3, notice: 'Your 3 ratings are back.' });
  });
});
