import { createServer } from 'node:net';
import type { AddressInfo, Server } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startSignIn } from '../../../../main/core/spotify/account/sign-in.ts';
import type { SignInOptions } from '../../../../main/core/spotify/account/sign-in.ts';
import { challengeOf } from '../../../../main/core/spotify/account/pkce.ts';
import type { FakeSpotify } from '../../../fake-spotify/fake-spotify.ts';
import { closeAfterTest, fakeSpotify } from '../harness.ts';

function optionsFor(fake: FakeSpotify, extra: Partial<SignInOptions> = {}): SignInOptions {
  return {
    clientId: fake.clientId,
    apiUrl: fake.apiUrl,
    accountsUrl: fake.accountsUrl,
    port: 0,
    timeoutMs: 10_000,
    ...extra,
  };
}

/** Plays the browser: opens Spotify's page and follows its redirect back to Earshot. */
async function browse(url: string): Promise<{ status: number; text: string }> {
  const response = await fetch(url, { redirect: 'follow' });
  return { status: response.status, text: await response.text() };
}

describe('signing in with Authorization Code and PKCE', () => {
  it('sends an S256 challenge of a fresh verifier and a state, then exchanges the code with that verifier and no secret', async () => {
    const fake = await fakeSpotify({ account: { displayName: 'Ada' } });
    const started = await startSignIn(optionsFor(fake));
    if (!started.ok) throw new Error(started.error.message);
    const { authorizeUrl, redirectUri, done } = started.value;
    expect(redirectUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    const page = await browse(authorizeUrl);
    expect(page.status).toBe(200);
    expect(page.text).toContain('signed in to Spotify as Ada');
    const result = await done;
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.user).toEqual({ id: 'fake-listener', displayName: 'Ada' });
    expect(result.value.refreshToken).not.toBe('');

    const query = fake.account.authorizeQueries[0];
    expect(query.get('code_challenge_method')).toBe('S256');
    expect(query.get('state')?.length).toBeGreaterThanOrEqual(32);
    expect(query.get('scope')?.split(' ').sort()).toEqual([
      'playlist-modify-private',
      'playlist-read-private',
      'user-library-read',
      'user-read-recently-played',
      'user-top-read',
    ]);
    const form = fake.account.tokenForms[0];
    const verifier = form.get('code_verifier') ?? '';
    expect(verifier.length).toBeGreaterThanOrEqual(43);
    expect(challengeOf(verifier)).toBe(query.get('code_challenge'));
    expect(form.has('client_secret')).toBe(false);
    expect(fake.requests.some((r) => r.path.includes('client_secret'))).toBe(false);
  });

  it('uses a new verifier and state for every sign-in', async () => {
    const fake = await fakeSpotify();
    for (let i = 0; i < 2; i++) {
      const started = await startSignIn(optionsFor(fake));
      if (!started.ok) throw new Error(started.error.message);
      await browse(started.value.authorizeUrl);
      await started.value.done;
    }
    const [first, second] = fake.account.authorizeQueries;
    expect(first.get('state')).not.toBe(second.get('state'));
    expect(first.get('code_challenge')).not.toBe(second.get('code_challenge'));
  });

  it('ends with access-denied when the listener declines, and tells the browser tab so', async () => {
    const fake = await fakeSpotify();
    fake.account.consent = 'deny';
    const started = await startSignIn(optionsFor(fake));
    if (!started.ok) throw new Error(started.error.message);
    const page = await browse(started.value.authorizeUrl);
    expect(page.status).toBe(400);
    expect(page.text).toContain('declined');
    const result = await started.value.done;
    expect(result.ok ? 'signed in' : result.error.code).toBe('access-denied');
    expect(fake.account.tokenForms).toHaveLength(0);
  });

  it('refuses a callback whose state differs and exchanges nothing', async () => {
    const fake = await fakeSpotify();
    fake.account.consent = 'wrong-state';
    const started = await startSignIn(optionsFor(fake));
    if (!started.ok) throw new Error(started.error.message);
    await browse(started.value.authorizeUrl);
    const result = await started.value.done;
    expect(result.ok ? 'signed in' : result.error.code).toBe('state-mismatch');
    expect(fake.account.tokenForms).toHaveLength(0);
  });

  it('stops waiting after the timeout and closes the listener', async () => {
    const fake = await fakeSpotify();
    const started = await startSignIn(optionsFor(fake, { timeoutMs: 200 }));
    if (!started.ok) throw new Error(started.error.message);
    const result = await started.value.done;
    expect(result.ok ? 'signed in' : result.error.code).toBe('callback-timeout');
    await expect(fetch(started.value.redirectUri)).rejects.toThrow();
  });

  it('closes the listener after one valid callback: a second one is not served', async () => {
    const fake = await fakeSpotify();
    const started = await startSignIn(optionsFor(fake));
    if (!started.ok) throw new Error(started.error.message);
    await browse(started.value.authorizeUrl);
    await started.value.done;
    await expect(fetch(`${started.value.redirectUri}?code=x&state=y`)).rejects.toThrow();
  });

  it('says the port is busy, naming it, when another program holds it', async () => {
    const fake = await fakeSpotify();
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    closeAfterTest({ close: () => new Promise<void>((resolve) => blocker.close(() => resolve())) });
    const port = (blocker.address() as AddressInfo).port;
    const started = await startSignIn(optionsFor(fake, { port }));
    expect(started.ok).toBe(false);
    if (started.ok) return;
    expect(started.error.code).toBe('port-busy');
    expect(started.error.message).toContain(String(port));
  });

  it('asks for a client id before listening at all', async () => {
    const fake = await fakeSpotify();
    const started = await startSignIn(optionsFor(fake, { clientId: ' ' }));
    expect(started.ok ? 'started' : started.error.code).toBe('no-client-id');
  });

  it('explains an account the Development-Mode app does not allow', async () => {
    const fake = await fakeSpotify({
      faults: [{ match: '/v1/me', fault: { kind: 'not-allow-listed' } }],
    });
    const started = await startSignIn(optionsFor(fake));
    if (!started.ok) throw new Error(started.error.message);
    const page = await browse(started.value.authorizeUrl);
    expect(page.text).toContain('User Management');
    const result = await started.value.done;
    expect(result.ok ? 'signed in' : result.error.code).toBe('not-allow-listed');
  });
});
