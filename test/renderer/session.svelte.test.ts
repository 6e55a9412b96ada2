import { afterEach, describe, expect, it } from 'vitest';
import { Session } from '../../renderer/src/lib/state/session.svelte.ts';
import { FakeEarshot } from './fake-earshot-api.ts';

const sessions: Session[] = [];

/** A started session over a fresh fake with `catalogSize` songs. */
async function startSession(catalogSize = 20) {
  const earshot = new FakeEarshot(catalogSize);
  const session = new Session(earshot.api);
  sessions.push(session);
  await session.start();
  return { earshot, session };
}

function rateAll(session: Session, stars = 4): void {
  for (const card of session.round?.cards ?? []) session.rate(card.track.id, stars);
}

const cardIds = (session: Session) => session.round?.cards.map((card) => card.track.id) ?? [];
/** Lets answers triggered by an event (not by an awaited call) arrive. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  for (const session of sessions.splice(0)) session.dispose();
});

describe('Session: a rating round', () => {
  it('deals five songs to rate', async () => {
    const { session } = await startSession();
    expect(session.view).toBe('rating');
    expect(cardIds(session)).toEqual([1, 2, 3, 4, 5]);
    expect(session.listenerRatings).toBe(0);
  });

  it('allows submitting only when all five songs are rated', async () => {
    const { session, earshot } = await startSession();
    const [first, ...others] = cardIds(session);
    for (const id of others) session.rate(id, 3);
    expect(session.canSubmit).toBe(false);

    await session.submit();
    expect(earshot.callsTo('submitRatings')).toEqual([]);
    expect(session.view).toBe('rating');

    session.rate(first ?? -1, 5);
    expect(session.canSubmit).toBe(true);
  });

  it('swaps a song the listener does not know in place and keeps the other stars', async () => {
    const { session, earshot } = await startSession();
    session.rate(1, 5);
    session.rate(2, 2);
    session.rate(4, 1);

    await session.skip(3);

    expect(cardIds(session)).toEqual([1, 2, 6, 4, 5]);
    expect(session.round?.cards.map((card) => card.stars)).toEqual([5, 2, undefined, 1, undefined]);
    // The stars given so far go along: the adaptive strategy looks near the songs rated.
    expect(earshot.callsTo('skipSong')).toEqual([
      {
        trackId: 3,
        exclude: [1, 2, 3, 4, 5],
        rated: [
          { trackId: 1, stars: 5 },
          { trackId: 2, stars: 2 },
          { trackId: 4, stars: 1 },
        ],
      },
    ]);
  });

  it('never brings back a skipped song, in this round or the next', async () => {
    const { session, earshot } = await startSession();
    await session.skip(1);
    await session.skip(6);
    expect(cardIds(session)).toEqual([7, 2, 3, 4, 5]);
    expect(earshot.callsTo('skipSong')[1]).toEqual({
      trackId: 6,
      exclude: [6, 2, 3, 4, 5, 1],
      rated: [],
    });

    rateAll(session);
    await session.submit();
    await session.rateMore();
    expect(earshot.callsTo('songsToRate').at(-1)).toEqual({ exclude: [1, 6] });
  });

  it('keeps the song and says so when there is nothing left to swap in', async () => {
    const { session } = await startSession(5);
    session.rate(2, 4);
    await session.skip(1);
    expect(cardIds(session)).toEqual([1, 2, 3, 4, 5]);
    expect(session.round?.cards[1]?.stars).toBe(4);
    expect(session.notice).toMatch(/no other song/i);
    expect(session.view).toBe('rating');
  });
});

describe('Session: recommendations', () => {
  it('submits the ratings, then asks for recommendations and shows them', async () => {
    const { session, earshot } = await startSession();
    rateAll(session, 5);
    await session.submit();

    // The round in progress is saved as it changes (see round-draft tests).
    const steps = earshot.calls.map((call) => call.method).filter((m) => m !== 'saveRound');
    expect(steps).toEqual(['getState', 'roundDraft', 'songsToRate', 'submitRatings', 'recommend']);
    expect(earshot.callsTo('submitRatings')[0]).toEqual({
      ratings: [1, 2, 3, 4, 5].map((trackId) => ({ trackId, stars: 5 })),
    });
    expect(session.view).toBe('results');
    expect(session.recommendations.map((pick) => pick.track.id)).toEqual([6, 7, 8]);
    expect(session.recommendations[0]?.reasons[0]?.stars).toBe(5);
    expect(session.listenerRatings).toBe(5);
  });

  it('refines the recommendations with every rating so far after rating more songs', async () => {
    const { session, earshot } = await startSession();
    rateAll(session, 4);
    await session.submit();

    await session.rateMore();
    expect(session.view).toBe('rating');
    expect(cardIds(session)).toEqual([6, 7, 8, 9, 10]);

    rateAll(session, 2);
    await session.submit();
    expect(earshot.callsTo('recommend')).toHaveLength(2);
    expect(session.listenerRatings).toBe(10);
    expect(session.recommendations.map((pick) => pick.track.id)).toEqual([11, 12, 13]);
  });

  it('waits for the first model and shows the picks when it is ready', async () => {
    const { session, earshot } = await startSession();
    earshot.hasModel = false;
    rateAll(session);
    await session.submit();
    expect(session.view).toBe('waiting-for-model');

    earshot.hasModel = true;
    earshot.emit('model:ready', { algorithm: 'svd', trainedAt: 1, ratings: 1005, trainRmse: 0.7 });
    await settle();

    expect(session.view).toBe('results');
    expect(session.recommendations).toHaveLength(3);
  });

  it('starts over: forgets the ratings and deals a fresh round', async () => {
    const { session, earshot } = await startSession();
    rateAll(session);
    await session.submit();

    await session.startOver();

    expect(earshot.callsTo('startOver')).toHaveLength(1);
    expect(earshot.ratings.size).toBe(0);
    expect(session.listenerRatings).toBe(0);
    expect(session.recommendations).toEqual([]);
    expect(session.view).toBe('rating');
    expect(cardIds(session)).toEqual([1, 2, 3, 4, 5]);
    expect(session.round?.ratedCount).toBe(0);
  });
});

describe('Session: a taste start saved', () => {
  it('deals a round nobody has rated yet again, from the taste, and keeps it for a reload', async () => {
    const { session, earshot } = await startSession();
    expect(earshot.callsTo('songsToRate')).toHaveLength(1);
    await session.tasteChanged();
    expect(earshot.callsTo('songsToRate')).toHaveLength(2);
    expect(session.view).toBe('rating');
    await settle();
    expect(earshot.draft.map((card) => card.trackId)).toEqual(cardIds(session));
  });

  it('keeps a round with stars as it is, and says the next one follows the taste', async () => {
    const { session, earshot } = await startSession();
    session.rate(1, 5);
    session.rate(2, 3);
    await session.tasteChanged();
    expect(earshot.callsTo('songsToRate')).toHaveLength(1);
    expect(session.round?.cards.map((card) => card.stars)).toEqual([
      5,
      3,
      undefined,
      undefined,
      undefined,
    ]);
    expect(session.notice).toBe('Your next round will draw from your taste.');
    await settle();
    expect(earshot.draft.slice(0, 2)).toEqual([
      { trackId: 1, stars: 5 },
      { trackId: 2, stars: 3 },
    ]);
  });
});

describe('Session: failures', () => {
  const unreachable = { code: 'internal', message: 'Earshot is not reachable.' } as const;

  it('shows an error with its message when no songs can be fetched, and retries', async () => {
    const earshot = new FakeEarshot();
    earshot.failNext('songsToRate', unreachable);
    const session = new Session(earshot.api);
    sessions.push(session);
    await session.start();

    expect(session.view).toBe('error');
    expect(session.error).toEqual(unreachable);

    await session.retry();
    expect(session.view).toBe('rating');
    expect(session.error).toBeNull();
  });

  it('keeps the round when saving fails, so a retry submits the same stars', async () => {
    const { session, earshot } = await startSession();
    rateAll(session, 3);
    earshot.failNext('submitRatings', unreachable);
    await session.submit();
    expect(session.view).toBe('error');
    expect(session.error?.message).toBe('Earshot is not reachable.');

    await session.retry();
    expect(session.view).toBe('results');
    expect(earshot.ratings.size).toBe(5);
  });

  it('says the catalog is exhausted when no song is left to rate', async () => {
    const { session } = await startSession(5);
    rateAll(session);
    await session.submit();
    await session.rateMore();
    expect(session.view).toBe('exhausted');
    expect(session.error?.code).toBe('nothing-to-rate');
  });

  it('reports a failed start over and leaves the ratings alone', async () => {
    const { session, earshot } = await startSession();
    rateAll(session);
    await session.submit();
    earshot.failNext('startOver', { code: 'busy', message: 'Training is running.' });
    await session.startOver();
    expect(session.view).toBe('error');
    expect(session.error?.code).toBe('busy');
    expect(earshot.ratings.size).toBe(5);
  });
});

describe('Session: training progress', () => {
  it('follows training:progress until the model is ready', async () => {
    const { session, earshot } = await startSession();
    expect(session.training.isTraining).toBe(false);

    earshot.emit('training:progress', { status: 'training', epoch: 5, epochs: 20, trainRmse: 0.9 });
    expect(session.training.isTraining).toBe(true);
    expect(session.training.fraction).toBeCloseTo(0.25, 10);
    expect(session.training.label).toMatch(/5 of 20/);

    earshot.emit('training:progress', {
      status: 'training',
      epoch: 0,
      epochs: 20,
      trainRmse: null,
    });
    expect(session.training.fraction).toBe(0);
    expect(session.training.label).toBe('Training the recommender…');

    earshot.emit('model:ready', { algorithm: 'svd', trainedAt: 2, ratings: 1000, trainRmse: 0.8 });
    expect(session.training.isTraining).toBe(false);
    expect(session.training.fraction).toBe(0);
  });

  it('says so when building a model failed, without blocking the round', async () => {
    const { session, earshot } = await startSession();
    const error = { code: 'internal', message: 'The worker stopped.' } as const;
    earshot.emit('training:progress', { status: 'failed', error });
    expect(session.training.isTraining).toBe(false);
    expect(session.training.label).toContain('The worker stopped.');
    expect(session.view).toBe('rating');
  });

  it('stops listening when disposed', async () => {
    const { session, earshot } = await startSession();
    expect(earshot.listenerCount()).toBe(2);
    session.dispose();
    expect(earshot.listenerCount()).toBe(0);
  });
});
