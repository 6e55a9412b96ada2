import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { localListenerId } from '../../../../main/core/store/user-repository.ts';
import { accountFor, fakeWithLibrary, signIn } from './account-fixtures.ts';

describe('a Spotify account, from sign-in to sign-out', () => {
  it('signs in, refreshes, reads the library as taste, saves a private playlist and re-saves it in place, then signs out', async () => {
    const fake = await fakeWithLibrary();
    const harness = accountFor(fake);
    const { account, store, tokenPath } = harness;

    await signIn(harness);
    const status = await account.status();
    expect(status.status).toBe('signed-in');
    expect(status.user?.displayName).toBe('Ada Lovelace');
    expect(statSync(tokenPath).mode & 0o777).toBe(0o600);
    const firstFile = readFileSync(tokenPath, 'utf8');

    // Spotify lets the access token lapse: the next call gets 401, refreshes once, goes on.
    fake.account.expireAccessTokens();
    const imported = await account.importListening(undefined);
    if (!imported.ok) throw new Error(imported.error.message);
    expect(fake.account.refreshes).toBe(1);
    expect(readFileSync(tokenPath, 'utf8')).not.toBe(firstFile);

    const summary = imported.value;
    expect(summary.read).toEqual({ top: 6 + 5 + 4, saved: 6, recent: 3, playlist: 5 });
    expect(summary.playlists).toBe(1);
    expect(summary.catalog.added).toBe(6 + 6 + 2 + 5 - 2); // top ∪ saved ∪ recent ∪ own playlist
    const userId = store.users.find('local', localListenerId)?.id ?? -1;
    const signals = store.signals.forUser(userId);
    expect(signals).toHaveLength(summary.tracks);
    const byId = new Map(store.tracks.identities().map((row) => [row.spotifyId, row.id]));
    const strength = (spotifyId: string) =>
      signals.find((s) => s.trackId === byId.get(spotifyId))?.strength ?? 0;
    const ids = fake.data.tracks.map((t) => t.id);
    // Top (12 plays) > saved (6, some months old) > own playlist (3) > one recent play.
    expect(strength(ids[0])).toBeGreaterThan(0.9);
    expect(strength(ids[15])).toBeGreaterThan(strength(ids[13]));
    expect(strength(ids[13])).toBeGreaterThan(0.15);
    expect(strength(ids[13])).toBeLessThan(0.3);
    // A friend's playlist is not your taste.
    expect(byId.has(ids[21])).toBe(false);

    const trackIds = [byId.get(ids[0]) ?? -1, byId.get(ids[1]) ?? -1];
    const request = {
      label: 'loved',
      trackIds,
      name: 'Loved on Earshot',
      description: 'Songs I rated 4★ or more',
    };
    const saved = await account.savePlaylist(request);
    if (!saved.ok) throw new Error(saved.error.message);
    expect(saved.value.created).toBe(true);
    const playlist = fake.account.created.get(saved.value.playlistId);
    expect(playlist?.isPublic).toBe(false);
    expect(playlist?.uris).toEqual([`spotify:track:${ids[0]}`, `spotify:track:${ids[1]}`]);

    const again = await account.savePlaylist({
      ...request,
      trackIds: [trackIds[1]],
      name: 'Loved, again',
    });
    if (!again.ok) throw new Error(again.error.message);
    expect(again.value).toMatchObject({
      playlistId: saved.value.playlistId,
      created: false,
      saved: 1,
    });
    expect(fake.account.created.size).toBe(1);
    expect(playlist?.name).toBe('Loved, again');
    expect(playlist?.uris).toEqual([`spotify:track:${ids[1]}`]);

    await account.signOut(true);
    expect((await account.status()).status).toBe('signed-out');
    expect(() => statSync(tokenPath)).toThrow();
    expect(store.signals.forUser(userId)).toHaveLength(0);
  });

  it('reads Earshot-made playlists back as nothing: saving picks does not feed on itself', async () => {
    const fake = await fakeWithLibrary();
    const harness = accountFor(fake);
    await signIn(harness);
    await harness.account.importListening(undefined);
    const first = harness.store.tracks.identities().find((row) => row.spotifyId !== null)?.id ?? -1;
    await harness.account.savePlaylist({
      label: 'picks',
      trackIds: [first],
      name: 'Earshot picks',
      description: '',
    });
    const again = await harness.account.importListening(undefined);
    if (!again.ok) throw new Error(again.error.message);
    expect(again.value.playlists).toBe(1);
    expect(again.value.read.playlist).toBe(5);
  });
});
