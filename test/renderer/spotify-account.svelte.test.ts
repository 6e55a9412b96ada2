import { describe, expect, it } from 'vitest';
import { SpotifyAccountState } from '../../renderer/src/lib/state/spotify-account.svelte.ts';
import { FakeEarshot } from './fake-earshot-api.ts';

/** A state whose waits run `during` (the browser coming back) and return at once. */
function stateWith(earshot: FakeEarshot, during: () => void = () => undefined) {
  const opened: string[] = [];
  const spotify = new SpotifyAccountState(earshot.api, {
    openTab: (url) => opened.push(url),
    wait: () => {
      during();
      return Promise.resolve();
    },
  });
  return { spotify, opened };
}

describe('SpotifyAccountState', () => {
  it('opens Spotify in a new tab when the main process did not, and watches until signed in', async () => {
    const earshot = new FakeEarshot();
    const { spotify, opened } = stateWith(earshot, () => earshot.spotify.finishSignIn('Ada'));
    await spotify.load();
    expect(spotify.account?.status).toBe('signed-out');
    expect(await spotify.signIn('abc123')).toBe(true);
    expect(opened).toEqual(['https://accounts.spotify.com/authorize?client_id=test']);
    expect(earshot.callsTo('spotifySignIn')).toEqual([{ clientId: 'abc123' }]);
    await expect.poll(() => spotify.account?.status).toBe('signed-in');
    expect(spotify.isSignedIn).toBe(true);
    expect(spotify.account?.user?.displayName).toBe('Ada');
    expect(spotify.error).toBeNull();
  });

  it('shows why a sign-in ended without an account', async () => {
    const earshot = new FakeEarshot();
    const declined = {
      code: 'access-denied',
      message: 'You declined the sign-in on Spotify’s page.',
    };
    const { spotify } = stateWith(earshot, () => earshot.spotify.finishSignIn('Ada', declined));
    await spotify.signIn('');
    await expect.poll(() => spotify.error).toBe(declined.message);
    expect(spotify.isSignedIn).toBe(false);
    expect(earshot.callsTo('spotifySignIn')).toEqual([{}]);
  });

  it('shows the refusal when the browser came back before the page first looked', async () => {
    const earshot = new FakeEarshot();
    const declined = { code: 'access-denied', message: 'You declined.' };
    const spotify = new SpotifyAccountState(earshot.api, {
      openTab: () => earshot.spotify.finishSignIn('Ada', declined),
      wait: () => Promise.reject(new Error('nothing to wait for')),
    });
    expect(await spotify.signIn('abc')).toBe(true);
    expect(spotify.error).toBe('You declined.');
    expect(spotify.isSignedIn).toBe(false);
  });

  it('refuses a malformed client id before calling', async () => {
    const earshot = new FakeEarshot();
    const { spotify } = stateWith(earshot);
    expect(await spotify.signIn('not an id!')).toBe(false);
    expect(spotify.error).toMatch(/client id/);
    expect(earshot.callsTo('spotifySignIn')).toEqual([]);
  });

  it('saves the picks as a playlist, updates it when saved again, and signs out', async () => {
    const earshot = new FakeEarshot();
    const { spotify } = stateWith(earshot, () => earshot.spotify.finishSignIn('Ada'));
    await spotify.signIn('abc');
    await expect.poll(() => spotify.isSignedIn).toBe(true);
    expect(await spotify.savePlaylist('picks', { trackIds: [3, 1], name: 'Sunday' })).toBe(true);
    expect(spotify.saved).toMatchObject({ created: true, saved: 2, name: 'Sunday' });
    expect(await spotify.savePlaylist('picks', { trackIds: [4], name: ' ' })).toBe(true);
    expect(spotify.saved).toMatchObject({ playlistId: 'pl1', created: false, saved: 1 });
    expect(spotify.savedList).toBe('picks');
    expect(earshot.callsTo('saveSpotifyPlaylist')).toEqual([
      { source: 'picks', trackIds: [3, 1], name: 'Sunday' },
      { source: 'picks', trackIds: [4] },
    ]);
    expect(await spotify.importListening()).toBe(true);
    expect(spotify.imported?.tracks).toBe(200);
    await spotify.signOut(true);
    expect(spotify.isSignedIn).toBe(false);
    expect(spotify.saved).toBeNull();
    expect(spotify.savedList).toBeNull();
    expect(earshot.callsTo('spotifySignOut')).toEqual([{ forgetListening: true }]);
  });

  it('saves a past set by its id alone, and says which list the saved playlist is of', async () => {
    const earshot = new FakeEarshot();
    const { spotify } = stateWith(earshot, () => earshot.spotify.finishSignIn('Ada'));
    await spotify.signIn('abc');
    await expect.poll(() => spotify.isSignedIn).toBe(true);
    await earshot.api.submitRatings({ ratings: [{ trackId: 1, stars: 5 }] });
    const shown = await earshot.api.recommend({});
    const [set] = earshot.pickSets;
    expect(await spotify.savePlaylist(`set:${set.id}`, { name: 'Earshot picks of 1 Jun' })).toBe(
      true,
    );
    expect(earshot.callsTo('saveSpotifyPlaylist')).toEqual([
      { source: `set:${set.id}`, name: 'Earshot picks of 1 Jun' },
    ]);
    expect(spotify.savedList).toBe(`set:${set.id}`);
    expect(spotify.saved?.saved).toBe(shown.ok ? shown.value.recommendations.length : -1);
    expect(await spotify.savePlaylist('set:99')).toBe(false);
    expect(spotify.error).toBe('There is no past set of picks with id 99.');
    expect(spotify.savedList).toBeNull();
  });

  it('says to sign in when saving while signed out', async () => {
    const earshot = new FakeEarshot();
    const { spotify } = stateWith(earshot);
    expect(await spotify.savePlaylist('loved')).toBe(false);
    expect(spotify.error).toMatch(/not signed in/);
  });
});
