import { describe, expect, it } from 'vitest';
import { resolveEndpoints } from '../../../main/core/spotify/spotify-config.ts';

describe('resolveEndpoints', () => {
  it('points at Spotify when nothing says otherwise', () => {
    expect(resolveEndpoints({}, {})).toEqual({
      apiUrl: 'https://api.spotify.com/v1',
      accountsUrl: 'https://accounts.spotify.com',
    });
  });

  it('takes EARSHOT_SPOTIFY_API_URL and EARSHOT_SPOTIFY_ACCOUNTS_URL, without a trailing slash', () => {
    const env = {
      EARSHOT_SPOTIFY_API_URL: 'http://127.0.0.1:9000/v1/',
      EARSHOT_SPOTIFY_ACCOUNTS_URL: 'http://127.0.0.1:9001',
    };
    expect(resolveEndpoints({}, env)).toEqual({
      apiUrl: 'http://127.0.0.1:9000/v1',
      accountsUrl: 'http://127.0.0.1:9001',
    });
  });

  it('lets explicit options win over the environment', () => {
    const env = { EARSHOT_SPOTIFY_API_URL: 'http://from-env/v1' };
    expect(resolveEndpoints({ apiUrl: 'https://proxy.example/v1' }, env).apiUrl).toBe(
      'https://proxy.example/v1',
    );
  });

  it('refuses a URL that is not http(s), naming the setting', () => {
    expect(() => resolveEndpoints({}, { EARSHOT_SPOTIFY_API_URL: 'ftp://x' })).toThrow(
      /The Spotify API URL must be an http\(s\) URL, got "ftp:\/\/x"/,
    );
    expect(() => resolveEndpoints({ accountsUrl: 'nonsense' }, {})).toThrow(/accounts URL/);
  });
});
