/**
 * Why a Spotify request failed. Stable: the CLI and the UI switch on these codes.
 *
 * Beyond the codes Spotify's own errors map to, `unauthorized` is a 401 that persists with a
 * freshly issued token, `bad-request` any other 4xx (Spotify will never accept that request),
 * `malformed-response` a body that is not the JSON promised, `too-large` a body past
 * `crawlLimits.maxBodyBytes` (abandoned unread), `redirected` a 3xx (never followed: the
 * token must not travel anywhere but to the address configured), and `cancelled` the caller's
 * AbortSignal. A signed-in user's requests add `invalid-grant` (the accounts service refused a
 * code or refresh token: expired, revoked, or issued for another redirect) and
 * `not-allow-listed` (a Development-Mode app refuses every account its owner did not add).
 */
export type SpotifyErrorCode =
  | 'invalid-client'
  | 'invalid-grant'
  | 'not-allow-listed'
  | 'unauthorized'
  | 'premium-required'
  | 'forbidden'
  | 'not-found'
  | 'bad-request'
  | 'rate-limited'
  | 'quota-exceeded'
  | 'server-error'
  | 'network'
  | 'timeout'
  | 'malformed-response'
  | 'too-large'
  | 'redirected'
  | 'cancelled';

/** A failed request as plain data. Its message never contains a secret or a token. */
export interface SpotifyFailure {
  readonly code: SpotifyErrorCode;
  readonly message: string;
  /** The HTTP status, when Spotify answered. */
  readonly status?: number;
  /** Seconds Spotify asked us to wait (a 429's `Retry-After`). */
  readonly retryAfterSeconds?: number;
}

export type SpotifyResult =
  | { readonly ok: true; readonly body: unknown }
  | { readonly ok: false; readonly error: SpotifyFailure };

/** Failures worth another attempt after a pause: the service or the path to it is unwell. */
export function isTransient(code: SpotifyErrorCode): boolean {
  return (
    code === 'server-error' ||
    code === 'network' ||
    code === 'timeout' ||
    code === 'malformed-response'
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Spotify's two error shapes: `{ error: { status, message, reason } }` from the Web API and
 * `{ error, error_description }` (OAuth) from the accounts service. */
function readErrorBody(text: string): { message?: string; reason?: string; oauthError?: string } {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    // Not Spotify speaking (a proxy's page, a load balancer's): a short excerpt helps diagnosis.
    const excerpt = text.replace(/\s+/g, ' ').trim().slice(0, 200);
    return excerpt === '' ? {} : { message: excerpt };
  }
  if (!isRecord(body)) return {};
  const error = body.error;
  if (isRecord(error)) {
    return {
      message: typeof error.message === 'string' ? error.message : undefined,
      reason: typeof error.reason === 'string' ? error.reason : undefined,
    };
  }
  if (typeof error === 'string') {
    const description = body.error_description;
    return {
      oauthError: error,
      message: typeof description === 'string' ? description : error,
    };
  }
  return {};
}

/** `Retry-After` is seconds, or (rarely, from proxies) an HTTP date. */
export function parseRetryAfter(header: string | null, nowMs: number): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - nowMs) / 1000));
}

/** A 3xx, described by where it pointed (origin and path only: a query may carry anything). */
export function redirectFailure(
  status: number,
  location: string | null,
  from: string,
): SpotifyFailure {
  let target = 'nowhere';
  try {
    if (location !== null) {
      const url = new URL(location, from);
      target = `${url.origin}${url.pathname}`;
    }
  } catch {
    target = 'an unreadable address';
  }
  return {
    code: 'redirected',
    status,
    message: `Spotify answered ${status}, a redirect to ${target}; Earshot follows no redirects, so nothing was sent there`,
  };
}

/** Maps a non-2xx answer to a failure with a stable code and Spotify's own words. */
export function failureFromResponse(
  status: number,
  bodyText: string,
  retryAfterSeconds: number | undefined,
): SpotifyFailure {
  const { message, reason, oauthError } = readErrorBody(bodyText);
  const said = message ? `: ${message}` : '';
  if (oauthError === 'invalid_client')
    return {
      code: 'invalid-client',
      status,
      message: `Spotify rejected the client id or secret${said}`,
    };
  if (oauthError === 'invalid_grant')
    return { code: 'invalid-grant', status, message: `Spotify refused the sign-in${said}` };
  if (status === 401)
    return { code: 'unauthorized', status, message: `Spotify refused the access token${said}` };
  // Spotify says it in plain text, not JSON: "User not registered in the Developer Dashboard".
  if (status === 403 && message !== undefined && /not registered/i.test(message))
    return {
      code: 'not-allow-listed',
      status,
      message: `Spotify does not let this account use the app${said}`,
    };
  if (status === 403 && message !== undefined && /premium/i.test(message))
    return {
      code: 'premium-required',
      status,
      message: `Spotify requires Premium for the app owner${said}`,
    };
  if (status === 403)
    return { code: 'forbidden', status, message: `Spotify forbids this request${said}` };
  if (status === 404)
    return { code: 'not-found', status, message: `Spotify has no such resource${said}` };
  if (status === 429 && reason === 'QUOTA_EXCEEDED')
    return {
      code: 'quota-exceeded',
      status,
      retryAfterSeconds,
      message: `Spotify's request quota for this app is used up${said}`,
    };
  if (status === 429)
    return {
      code: 'rate-limited',
      status,
      retryAfterSeconds,
      message: `Spotify is rate limiting this app${said}`,
    };
  if (status >= 500)
    return { code: 'server-error', status, message: `Spotify answered ${status}${said}` };
  return {
    code: 'bad-request',
    status,
    message: `Spotify rejected the request (${status})${said}`,
  };
}
