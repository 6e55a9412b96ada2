import { describe, expect, it } from 'vitest';
import {
  channels,
  desktopChannels,
  desktopEventNames,
  desktopMethods,
  eventNames,
  methods,
  parseDesktopRequest,
  parseRequest,
  readyChannel,
  takesRequest,
} from '../../../main/core/contract/index.ts';
import type { DesktopMethodName, MethodName } from '../../../main/core/contract/index.ts';

/** Checks `request` to `method` of either table, as the face serving it would. */
function check(method: MethodName | DesktopMethodName, request: unknown) {
  return Object.hasOwn(methods, method)
    ? parseRequest(method as MethodName, request)
    : parseDesktopRequest(method as DesktopMethodName, request);
}

const noRequestMethods = [...Object.entries(methods), ...Object.entries(desktopMethods)].flatMap(
  ([name, spec]) => (takesRequest(spec) ? [] : [name as MethodName | DesktopMethodName]),
);

describe('the contract', () => {
  it('gives every method, event and the ready handshake a channel of its own, domain:verb', () => {
    const names = [
      ...Object.values(channels),
      ...Object.values(desktopChannels),
      ...eventNames,
      ...desktopEventNames,
      readyChannel,
    ];
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z]+:[a-z-]+$/);
  });

  it('knows which methods take no request', () => {
    expect(noRequestMethods.sort()).toEqual(
      [
        'getState',
        'getTaste',
        'startOver',
        'undoStartOver',
        'roundDraft',
        'spotifyAccount',
        'getSettings',
        'clearSpotifyCredentials',
        'refreshData',
        'cancelRefresh',
      ].sort(),
    );
  });

  it.each(noRequestMethods)(
    '%s takes nothing, and refuses a payload as every such method does',
    (method) => {
      for (const nothing of [undefined, null, {}])
        expect(check(method, nothing)).toEqual({ ok: true, value: undefined });
      for (const payload of [{ all: true }, 'everything', [1], 0]) {
        const refused = check(method, payload);
        expect(!refused.ok && refused.error).toEqual({
          code: 'invalid-request',
          message: 'request must be empty: this method takes no request',
        });
      }
    },
  );
});

describe('refusals', () => {
  it('name the field by its path, and word it for a form too', () => {
    const refused = parseRequest('submitRatings', { ratings: [{ trackId: 1, stars: 6 }] });
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'invalid-request',
        message: 'ratings[0].stars must be a whole number from 1 to 5',
        field: ['ratings', 0, 'stars'],
      },
      problems: [{ field: ['ratings', 0, 'stars'], text: 'Must be a whole number from 1 to 5.' }],
    });
  });

  it('say which field is unknown, about the request itself', () => {
    const refused = parseRequest('songsToRate', { count: 5, sneaky: true });
    expect(!refused.ok && refused.error).toEqual({
      code: 'invalid-request',
      message: 'request has an unknown field "sneaky"',
    });
  });

  it('report every problem of the first field at fault, one a line, and each for its field', () => {
    const refused = parseDesktopRequest('setModelParameters', { factors: 0, epochs: 1.5 });
    expect(!refused.ok && refused.error).toEqual({
      code: 'invalid-request',
      message: 'factors must be a whole number from 1 to 200',
      field: ['factors'],
    });
    expect(!refused.ok && refused.problems.map((p) => p.field)).toEqual([['factors'], ['epochs']]);
  });

  it('name every bad Spotify source by its text, one a line, under the field `sources`', () => {
    const refused = parseDesktopRequest('setSpotifySources', {
      sources: ['https://evil.example/album/x', 'search:genre:soul', 'spotify:album:short'],
    });
    expect(!refused.ok && refused.error.field).toEqual(['sources']);
    const lines = !refused.ok ? refused.error.message.split('\n') : [];
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^"https:\/\/evil\.example\/album\/x": /);
    expect(lines[1]).toMatch(/^"spotify:album:short": /);
    expect(!refused.ok && refused.problems.map((p) => p.field)).toEqual([
      ['sources', 0],
      ['sources', 2],
    ]);
  });
});

describe('checked requests', () => {
  it('keep only the fields given, so a partial change overwrites nothing else', () => {
    expect(parseRequest('setPreferences', { songsToRate: undefined, strategy: 'smart' })).toEqual({
      ok: true,
      value: { strategy: 'smart' },
    });
    expect(parseRequest('setPreferences', null)).toEqual({ ok: true, value: {} });
  });

  it('fill in what a handler may count on', () => {
    expect(parseRequest('skipSong', { trackId: 3 })).toEqual({
      ok: true,
      value: { trackId: 3, exclude: [], rated: [] },
    });
    expect(parseRequest('setTaste', {})).toEqual({
      ok: true,
      value: { likedGenres: [], dislikedGenres: [], decades: [], artists: [], skipped: false },
    });
  });

  it('trim Spotify sources, drop blank ones and keep each source once', () => {
    const checked = parseDesktopRequest('setSpotifySources', {
      sources: [
        ' search:genre:soul ',
        '',
        'search:genre:soul',
        'spotify:album:1DFixLWuPkv3KT3TnV35m3',
      ],
    });
    expect(checked).toEqual({
      ok: true,
      value: { sources: ['search:genre:soul', 'spotify:album:1DFixLWuPkv3KT3TnV35m3'] },
    });
  });

  it('trim Spotify credentials and refuse one with a space inside', () => {
    expect(
      parseDesktopRequest('setSpotifyCredentials', { clientId: ' id ', clientSecret: 's' }),
    ).toEqual({
      ok: true,
      value: { clientId: 'id', clientSecret: 's' },
    });
    const refused = parseDesktopRequest('setSpotifyCredentials', {
      clientId: 'a b',
      clientSecret: 's',
    });
    expect(!refused.ok && refused.error.field).toEqual(['clientId']);
  });
});
