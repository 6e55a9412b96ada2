/**
 * Why a sign-in or a signed-in request did not work, as data with a stable code and a message
 * that says what to do next. Messages never carry a token, a code or a verifier.
 */
export type AccountErrorCode =
  | 'no-client-id'
  | 'access-denied'
  | 'state-mismatch'
  | 'callback-timeout'
  | 'port-busy'
  | 'sign-in-failed'
  | 'signed-out'
  | 'session-expired'
  | 'not-allow-listed'
  | 'premium-required'
  | 'rate-limited'
  | 'quota-exceeded'
  | 'cancelled'
  | 'unavailable';

export interface AccountFailure {
  readonly code: AccountErrorCode;
  readonly message: string;
}

export type AccountResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AccountFailure };

export function accountFailure(code: AccountErrorCode, message: string): AccountFailure {
  return { code, message };
}
