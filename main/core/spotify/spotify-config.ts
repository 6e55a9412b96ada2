export const defaultApiUrl = 'https://api.spotify.com/v1';
export const defaultAccountsUrl = 'https://accounts.spotify.com';

export interface SpotifyEndpoints {
  readonly apiUrl: string;
  readonly accountsUrl: string;
}

function checkedUrl(value: string, name: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new RangeError(`${name} must be an http(s) URL, got "${value}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new RangeError(`${name} must be an http(s) URL, got "${value}"`);
  return value.replace(/\/+$/, '');
}

/**
 * Where Spotify is: explicit options, else `EARSHOT_SPOTIFY_API_URL` and
 * `EARSHOT_SPOTIFY_ACCOUNTS_URL` (tests, proxies), else Spotify itself.
 */
export function resolveEndpoints(
  options: { apiUrl?: string | undefined; accountsUrl?: string | undefined },
  env: Readonly<Record<string, string | undefined>> = process.env,
): SpotifyEndpoints {
  const apiUrl = options.apiUrl ?? (env.EARSHOT_SPOTIFY_API_URL || defaultApiUrl);
  const accountsUrl =
    options.accountsUrl ?? (env.EARSHOT_SPOTIFY_ACCOUNTS_URL || defaultAccountsUrl);
  return {
    apiUrl: checkedUrl(apiUrl, 'The Spotify API URL'),
    accountsUrl: checkedUrl(accountsUrl, 'The Spotify accounts URL'),
  };
}
