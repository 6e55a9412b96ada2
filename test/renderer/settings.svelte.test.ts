import { afterEach, describe, expect, it, vi } from 'vitest';
import { SettingsState } from '../../renderer/src/lib/state/settings.svelte.ts';
import type { SettingsHooks } from '../../renderer/src/lib/state/settings.svelte.ts';
import { FakeDesktop } from './fake-desktop-api.ts';
import { FakeEarshot } from './fake-earshot-api.ts';

const states: SettingsState[] = [];
afterEach(() => {
  for (const state of states.splice(0)) state.dispose();
});

/** Settings over a fake Earshot: the desktop window's by default, else the browser's. */
function setUp(options: { desktop?: boolean; hooks?: SettingsHooks } = {}) {
  const earshot = new FakeEarshot();
  const desktop = new FakeDesktop(earshot);
  const settings = new SettingsState(
    earshot.api,
    options.desktop === false ? null : desktop.api,
    options.hooks,
  );
  states.push(settings);
  return { earshot, desktop, settings };
}

const draft = {
  songsToRate: '7',
  recommendations: '4',
  strategy: 'smart',
  diversity: '0.3',
} as const;
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('SettingsState: opening', () => {
  it('in the browser, loads the preferences from the app state, and the Spotify account', async () => {
    const { earshot, settings } = setUp({ desktop: false });
    await settings.open();
    expect(settings.isOpen).toBe(true);
    expect(settings.hasDesktop).toBe(false);
    expect(settings.preferences).toEqual(earshot.preferences);
    expect(settings.desktop).toBeNull();
    expect(earshot.calls.map((call) => call.method)).toEqual(['getState', 'spotifyAccount']);
  });

  it('in the desktop window, loads everything the main process keeps', async () => {
    const { desktop, settings } = setUp();
    desktop.sources = ['search:genre:jazz'];
    await settings.open();
    expect(settings.hasDesktop).toBe(true);
    expect(settings.desktop).toEqual({
      spotify: { hasSpotifyCredentials: false, sources: ['search:genre:jazz'] },
      model: desktop.model,
    });
  });

  it('opens when the menu asks (settings:open), once however often it asks', async () => {
    const { earshot, settings } = setUp();
    earshot.emit('settings:open', null);
    earshot.emit('settings:open', null);
    await settle();
    expect(settings.isOpen).toBe(true);
    expect(earshot.callsTo('getSettings')).toHaveLength(1);
    settings.dispose();
    settings.close();
    earshot.emit('settings:open', null);
    expect(settings.isOpen).toBe(false);
  });

  it('says why it could not load, and loads on retry', async () => {
    const { earshot, settings } = setUp();
    earshot.failNext('getSettings', { code: 'internal', message: 'Earshot is not reachable.' });
    await settings.open();
    expect(settings.loadError?.message).toBe('Earshot is not reachable.');
    await settings.reload();
    expect(settings.loadError).toBeNull();
    expect(settings.preferences?.songsToRate).toBe(5);
  });
});

describe('SettingsState: preferences', () => {
  it('saves them as numbers and tells the window what changed', async () => {
    const onPreferencesSaved = vi.fn();
    const { earshot, settings } = setUp({ desktop: false, hooks: { onPreferencesSaved } });
    await settings.open();
    expect(await settings.savePreferences(draft)).toBe(true);
    const saved = { songsToRate: 7, recommendations: 4, strategy: 'smart', diversity: 0.3 };
    expect(earshot.callsTo('setPreferences')).toEqual([saved]);
    expect(settings.preferences).toEqual(saved);
    expect(settings.preferencesForm.phase).toBe('saved');
    expect(onPreferencesSaved).toHaveBeenCalledExactlyOnceWith(saved, {
      songsToRate: 5,
      recommendations: 3,
      strategy: 'random',
      diversity: 0.1,
    });
  });

  it('shows a refusal next to the field it is about, and changes nothing', async () => {
    const onPreferencesSaved = vi.fn();
    const { settings } = setUp({ hooks: { onPreferencesSaved } });
    await settings.open();
    expect(await settings.savePreferences({ ...draft, songsToRate: '70' })).toBe(false);
    expect(settings.preferencesForm.fieldErrors).toEqual({
      songsToRate: 'Must be a whole number from 1 to 50.',
    });
    expect(settings.preferencesForm.phase).toBe('idle');
    expect(settings.preferences?.songsToRate).toBe(5);
    expect(onPreferencesSaved).not.toHaveBeenCalled();
  });

  it("refuses an empty field with the contract's own words, before sending anything", async () => {
    const { earshot, settings } = setUp({ desktop: false });
    await settings.open();
    expect(await settings.savePreferences({ ...draft, recommendations: ' ' })).toBe(false);
    expect(settings.preferencesForm.fieldErrors).toEqual({
      recommendations: 'Must be a whole number from 1 to 50.',
    });
    expect(earshot.callsTo('setPreferences')).toEqual([]);
  });

  it('shows a refusal from the other side at the field its error names', async () => {
    const { earshot, settings } = setUp({ desktop: false });
    await settings.open();
    const refusal = 'songsToRate is more than this catalog can offer';
    earshot.failNext('setPreferences', {
      code: 'invalid-request',
      message: refusal,
      field: ['songsToRate'],
    });
    expect(await settings.savePreferences(draft)).toBe(false);
    expect(settings.preferencesForm.fieldErrors).toEqual({ songsToRate: refusal });
    expect(settings.preferencesForm.error).toBeNull();
  });

  it('forgets "Saved" once the form is edited, and every status on the next visit', async () => {
    const { earshot, settings } = setUp();
    await settings.open();
    await settings.savePreferences(draft);
    settings.preferencesForm.edited();
    expect(settings.preferencesForm.phase).toBe('idle');
    earshot.failNext('setPreferences', { code: 'busy', message: 'Busy.' });
    await settings.savePreferences(draft);
    expect(settings.preferencesForm.error).toBe('Busy.');
    settings.close();
    await settings.open();
    expect(settings.preferencesForm.error).toBeNull();
  });
});

describe('SettingsState: Spotify and the model (desktop)', () => {
  it('sends the credentials to the main process and keeps only whether they are saved', async () => {
    const { desktop, settings } = setUp();
    await settings.open();
    expect(await settings.saveCredentials('my-id', 'my-secret')).toBe(true);
    expect(desktop.credentials).toEqual({ clientId: 'my-id', clientSecret: 'my-secret' });
    expect(settings.desktop?.spotify.hasSpotifyCredentials).toBe(true);
    expect(JSON.stringify(settings.desktop)).not.toContain('my-secret');

    expect(await settings.forgetCredentials()).toBe(true);
    expect(desktop.credentials).toBeNull();
    expect(settings.desktop?.spotify.hasSpotifyCredentials).toBe(false);
  });

  it('shows refused credentials at the field, and a system without a keyring at the form', async () => {
    const { earshot, settings } = setUp();
    await settings.open();
    expect(await settings.saveCredentials('', 'secret')).toBe(false);
    expect(settings.credentialsForm.fieldErrors.clientId).toMatch(/^Must be the text Spotify/);
    const noKeyring = 'This system offers no secure storage for secrets.';
    earshot.failNext('setSpotifyCredentials', { code: 'not-configured', message: noKeyring });
    expect(await settings.saveCredentials('id', 'secret')).toBe(false);
    expect(settings.credentialsForm.error).toBe(noKeyring);
    expect(settings.credentialsForm.fieldErrors).toEqual({});
  });

  it('saves the sources one a line, and lists every bad one next to the field', async () => {
    const { earshot, desktop, settings } = setUp();
    await settings.open();
    const album = 'spotify:album:1DFixLWuPkv3KT3TnV35m3';
    const saved = await settings.saveSources(`search:genre:jazz\n\n  ${album}  \n${album}`);
    expect(saved).toEqual(['search:genre:jazz', album]);
    expect(settings.desktop?.spotify.sources).toEqual(saved);

    expect(await settings.saveSources('search:soul\nhttps://evil.example/x\nnope')).toBeUndefined();
    const problems = settings.sourcesForm.fieldErrors.sources?.split('\n') ?? [];
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain('evil.example');
    expect(problems[1]).toContain('"nope"');
    expect(desktop.sources).toEqual(saved);
    expect(earshot.callsTo('setSpotifySources')).toHaveLength(1);
  });

  it('saves the model parameters, or says which one is wrong', async () => {
    const { desktop, settings } = setUp();
    await settings.open();
    const model = { factors: '40', epochs: '60', learningRate: '0.005', regularization: '0.02' };
    expect(await settings.saveModel(model)).toBe(true);
    const expected = { factors: 40, epochs: 60, learningRate: 0.005, regularization: 0.02 };
    expect(desktop.model).toEqual(expected);
    expect(settings.desktop?.model).toEqual(expected);

    expect(await settings.saveModel({ ...model, factors: '0' })).toBe(false);
    expect(settings.modelForm.fieldErrors).toEqual({
      factors: 'Must be a whole number from 1 to 200.',
    });
    expect(settings.desktop?.model).toEqual(expected);
  });

  it('does nothing desktop-only in the browser', async () => {
    const { earshot, settings } = setUp({ desktop: false });
    await settings.open();
    expect(await settings.saveCredentials('id', 'secret')).toBe(false);
    expect(await settings.saveSources('search:x')).toBeUndefined();
    expect(earshot.calls.map((call) => call.method)).toEqual(['getState', 'spotifyAccount']);
  });
});
