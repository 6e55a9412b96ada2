/**
 * A past set of picks saved to Spotify from the History page: the core reads the set's songs
 * itself, names the playlist after the day it was made, and updates the same playlist when the
 * set is saved again.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { EventHub } from '../../../main/core/app/event-hub.ts';
import { ModelManager } from '../../../main/core/app/model-manager.ts';
import type { Result } from '../../../main/core/contract/index.ts';
import { addRecording } from '../../fake-spotify/fake-data.ts';
import { openStore } from '../../../main/core/store/store.ts';
import { buildTrainedDatabase, copyDatabase } from '../../helpers/trained-store.ts';
import { serviceWithAccount, signInThroughService } from './spotify-answers.ts';

let trained: Awaited<ReturnType<typeof buildTrainedDatabase>>;

beforeAll(async () => {
  trained = await buildTrainedDatabase(300);
});
afterAll(() => trained.remove());

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

it('saves a past set by its id as a private playlist, and saving it again updates that one', async () => {
  const store = openStore(copyDatabase(trained.path));
  const models = new ModelManager({ store, events: new EventHub(), retrainDelayMs: 60_000 });
  expect(models.start()).toEqual({ status: 'loaded' });
  const spotify = await serviceWithAccount(store, models);
  try {
    const { service, fake } = spotify;
    await signInThroughService(spotify);
    const songs = value(await service.handle('songsToRate', {}));
    value(
      await service.handle('submitRatings', {
        ratings: songs.map((song, i) => ({ trackId: song.id, stars: [5, 4, 4, 2, 1][i] })),
      }),
    );
    const { recommendations } = value(await service.handle('recommend', {}));
    const [set] = value(await service.handle('pickSets', {})).sets;
    // Spotify knows these recordings: the save finds each by title and artists.
    const recordings = recommendations.map(
      ({ track }) => addRecording(fake.data, track.title, track.artists).id,
    );

    // A later list does not change what the past set holds.
    value(await service.handle('notInterested', { trackId: recommendations[0].track.id }));
    value(await service.handle('recommend', {}));

    const saved = value(await service.handle('saveSpotifyPlaylist', { source: `set:${set.id}` }));
    const day = new Date(set.madeAt * 1000).toISOString().slice(0, 10);
    expect(saved).toMatchObject({
      created: true,
      name: `Earshot picks of ${day}`,
      saved: recommendations.length,
      missing: 0,
    });
    const playlist = fake.account.created.get(saved.playlistId);
    expect(playlist?.isPublic).toBe(false);
    expect(playlist?.uris).toEqual(recordings.map((id) => `spotify:track:${id}`));

    const again = value(
      await service.handle('saveSpotifyPlaylist', { source: `set:${set.id}`, name: 'Monday' }),
    );
    expect(again).toMatchObject({ playlistId: saved.playlistId, created: false, name: 'Monday' });
    expect(fake.account.created.size).toBe(1);

    const unknown = await service.handle('saveSpotifyPlaylist', { source: 'set:999' });
    expect(!unknown.ok && unknown.error).toMatchObject({
      code: 'not-found',
      message: 'There is no past set of picks with id 999.',
    });
    const bad = await service.handle('saveSpotifyPlaylist', { source: 'set:latest' });
    expect(!bad.ok && bad.error.code).toBe('invalid-request');
    expect(!bad.ok && bad.error.message).toContain('set:ID');
  } finally {
    await spotify.close();
    models.close();
    store.close();
  }
});
