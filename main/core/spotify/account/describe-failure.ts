import type { SpotifyFailure } from '../spotify-error.ts';
import { accountFailure } from './sign-in-failure.ts';
import type { AccountFailure } from './sign-in-failure.ts';

function waitText(seconds: number | undefined): string {
  if (seconds === undefined) return 'a while';
  if (seconds < 120) return `${seconds} s`;
  if (seconds < 7200) return `${Math.ceil(seconds / 60)} min`;
  return `${Math.ceil(seconds / 3600)} h`;
}

/**
 * What a Spotify failure means for a signed-in listener, and what to do about it. The message
 * Spotify gave is kept (redacted before it got here); the way forward is added.
 */
export function describeAccountFailure(failure: SpotifyFailure): AccountFailure {
  switch (failure.code) {
    case 'invalid-grant':
    case 'unauthorized':
      return accountFailure(
        'session-expired',
        'Spotify no longer accepts Earshot\'s sign-in (it was revoked under "Manage apps" in your Spotify account, or it expired). Sign in again.',
      );
    case 'not-allow-listed':
      return accountFailure(
        'not-allow-listed',
        "Spotify does not let this account use the app: an app in Development Mode serves only the accounts its owner added (at most 5). Add this account's e-mail under User Management in the app's page on developer.spotify.com, then sign in again.",
      );
    case 'premium-required':
      return accountFailure(
        'premium-required',
        "Spotify serves an app in Development Mode only while its owner's account has Premium. Renew Premium on the account that created the app, then try again.",
      );
    case 'rate-limited':
      return accountFailure(
        'rate-limited',
        `Spotify is rate limiting this app. Try again in ${waitText(failure.retryAfterSeconds)}.`,
      );
    case 'quota-exceeded':
      return accountFailure(
        'quota-exceeded',
        `Spotify's request quota for this app is used up (QUOTA_EXCEEDED). Try again in ${waitText(failure.retryAfterSeconds)}.`,
      );
    case 'invalid-client':
      return accountFailure(
        'sign-in-failed',
        "Spotify does not know this client id. Copy it again from the app's page on developer.spotify.com.",
      );
    case 'cancelled':
      return accountFailure('cancelled', 'Cancelled.');
    case 'network':
    case 'timeout':
    case 'server-error':
      return accountFailure('unavailable', `${failure.message}. Try again in a moment.`);
    default:
      return accountFailure('unavailable', `${failure.message}.`);
  }
}
