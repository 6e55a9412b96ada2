/**
 * The picks follow a Spotify account's listening. Importing it is a write the picks memo sees
 * (the database's change stamp moves), so the next picks are made afresh, with the account's
 * songs as ones the listener knows and loves.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { EventHub } from '../../../main/core/app/event-hub.ts';
import { ModelManager } from '../../../main/core/app/model-manager.ts';
import type { Result } from '../../../main/core/contract/index.ts';
import { openStore } from '../../../main/core/store/store.ts';
import { addRecording } from '../../fake-spotify/fake-data.ts';
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

it('importing Spotify listening changes the next picks: its songs are known, and they speak for others', async () => {
  const store = openStore(copyDatabase(trained.path));
  const models = new ModelManager({ store, events: new EventHub(), retrainDelayMs: 60_000 });
  expect(models.start()).toEqual({ status: 'loaded' });
  // The account's top tracks, filled in once the first picks are known (read at import time).
  const top: string[] = [];
  const spotify = await serviceWithAccount(store, models, { account: { top } });
  try {
    const { service, fake } = spotify;
    await signInThroughService(spotify);
    const songs = value(await service.handle('songsToRate', {}));
    const stars = [5, 5, 4, 2, 1];
    value(
      await service.handle('submitRatings', {
        ratings: songs.map((song, i) => ({ trackId: song.id, stars: stars[i] })),
      }),
    );
    const before = value(await service.handle('recommend', {}));
    // Nothing changed: the memo answers with the very same list.
    expect(value(await service.handle('recommend', {}))).toBe(before);

    // Spotify says the listener already plays every one of those picks a lot.
    const picked = before.recommendations.map((r) => r.track);
    for (const track of picked) top.push(addRecording(fake.data, track.title, track.artists).id);
    const imported = value(await service.handle('importSpotifyListening', {}));
    expect(imported.read.top).toBeGreaterThanOrEqual(picked.length);

    const after = value(await service.handle('recommend', {}));
    expect(after).not.toBe(before);
    const pickedIds = picked.map((track) => track.id);
    const afterIds = after.recommendations.map((r) => r.track.id);
    expect(afterIds).toHaveLength(pickedIds.length);
    // Songs the listener plays are ones they know: never picks.
    for (const id of afterIds) expect(pickedIds).not.toContain(id);
    // Played this much, they count as loved and are named as the reason for new picks.
    const played = after.recommendations
      .flatMap((r) => r.reasons)
      .filter((r) => r.kind === 'played');
    expect(played.length).toBeGreaterThan(0);
    for (const reason of played) {
      expect(pickedIds).toContain(reason.track.id);
      expect(reason.plays).toBeGreaterThan(0);
    }
    // How sure it is counts them as songs the listener plays, not as songs they rated.
    for (const pick of after.recommendations.filter((r) => r.reasons[0]?.kind === 'played'))
      expect(pick.confidence.label).toMatch(/you (liked or )?often play/);
  } finally {
    await spotify.close();
    models.close();
    store.close();
  }
});
