import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FaultRule } from '../../../fake-spotify/fake-spotify.ts';
import { accountFor, fakeWithLibrary, signIn } from './account-fixtures.ts';

async function signedIn(faults: readonly FaultRule[] = []) {
  const fake = await fakeWithLibrary();
  const harness = accountFor(fake);
  await signIn(harness);
  fake.setFaults(faults);
  return harness;
}

describe('a signed-in account when Spotify refuses', () => {
  it('signs out when the refresh token was revoked, and says to sign in again', async () => {
    const harness = await signedIn();
    harness.fake.account.refreshRevoked = true;
    harness.fake.account.expireAccessTokens();
    const result = await harness.account.importListening(undefined);
    expect(result.ok ? 'imported' : result.error.code).toBe('session-expired');
    if (!result.ok) expect(result.error.message).toMatch(/Sign in again/);
    expect(existsSync(harness.tokenPath)).toBe(false);
    const status = await harness.account.status();
    expect(status.status).toBe('signed-out');
    expect(status.lastError?.code).toBe('session-expired');
  });

  it.each([
    ['not-allow-listed', { kind: 'not-allow-listed' }, /User Management/],
    ['premium-required', { kind: 'premium-required' }, /Premium/],
    ['quota-exceeded', { kind: 'quota-exceeded', retryAfterSeconds: 7200 }, /QUOTA_EXCEEDED.*2 h/],
    ['rate-limited', { kind: 'rate-limit', retryAfterSeconds: 600 }, /Try again in 10 min/],
  ] as const)('turns %s into a message with a way forward', async (code, fault, advice) => {
    const harness = await signedIn([{ match: '/v1/me/top', fault }]);
    const result = await harness.account.importListening(undefined);
    expect(result.ok ? 'imported' : result.error.code).toBe(code);
    if (!result.ok) expect(result.error.message).toMatch(advice);
    // Nothing was half-imported.
    expect(harness.store.tracks.count()).toBe(0);
  });

  it('never repeats a token, even when a proxy echoes it back', async () => {
    const harness = await signedIn([
      { match: '/v1/me/top', fault: { kind: 'echo-authorization' } },
    ]);
    const result = await harness.account.importListening(undefined);
    expect(result.ok).toBe(false);
    const status = await harness.account.status();
    const shown = JSON.stringify({ result, status });
    const tokens = harness.fake.account.tokenForms.length;
    expect(tokens).toBeGreaterThan(0);
    expect(shown).not.toMatch(/BQu[\w-]{20}/);
    expect(shown).not.toMatch(/AQr[\w-]{20}/);
    expect(shown).toContain('[redacted]');
  });

  it('answers a request made while signed out with signed-out, touching nothing', async () => {
    const fake = await fakeWithLibrary();
    const harness = accountFor(fake);
    const result = await harness.account.savePlaylist({
      label: 'picks',
      trackIds: [1],
      name: 'x',
      description: '',
    });
    expect(result.ok ? 'saved' : result.error.code).toBe('signed-out');
    expect(fake.requests).toHaveLength(0);
  });
});
