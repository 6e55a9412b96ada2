import { describe, expect, it } from 'vitest';
import type { SpotifyClient } from '../../../main/core/spotify/spotify-client.ts';
import type { SpotifyClientOptions } from '../../../main/core/spotify/spotify-client.ts';
import type { SpotifyResult } from '../../../main/core/spotify/spotify-error.ts';
import type { FakeSpotify } from '../../fake-spotify/fake-spotify.ts';
import { clientFor as harnessClient, fakeSpotify, recordingSleep } from './harness.ts';

function clientFor(fake: FakeSpotify, extra: Partial<SpotifyClientOptions> = {}): SpotifyClient {
  return harnessClient(fake, { sleep: recordingSleep().sleep, ...extra });
}

function codeOf(result: SpotifyResult): string {
  return result.ok ? 'ok' : result.error.code;
}

const trackPath = (fake: FakeSpotify, index = 0): string => `/tracks/${fake.data.tracks[index].id}`;

describe('SpotifyClient authentication', () => {
  it('asks for one token and reuses it for every request while it is fresh', async () => {
    const fake = await fakeSpotify();
    const client = clientFor(fake);
    for (let i = 0; i < 5; i++) expect(codeOf(await client.get(trackPath(fake, i)))).toBe('ok');
    expect(fake.tokensIssued).toBe(1);
    expect(fake.apiRequests()).toHaveLength(5);
  });

  it('asks for a new token within a minute of expiry, not before', async () => {
    const fake = await fakeSpotify({ tokenLifetimeSeconds: 3600 });
    let now = 1_000_000;
    const client = clientFor(fake, { now: () => now });
    await client.get(trackPath(fake));
    now += 3_500_000; // 100 s before expiry: still fresh
    await client.get(trackPath(fake));
    expect(fake.tokensIssued).toBe(1);
    now += 50_000; // 50 s before expiry: renew
    expect(codeOf(await client.get(trackPath(fake)))).toBe('ok');
    expect(fake.tokensIssued).toBe(2);
  });

  it('renews the token once after a 401 mid-way and repeats only the refused request', async () => {
    const fake = await fakeSpotify({
      faults: [{ after: 2, times: 1, fault: { kind: 'revoke-tokens' } }],
    });
    const client = clientFor(fake);
    for (let i = 0; i < 4; i++) expect(codeOf(await client.get(trackPath(fake, i)))).toBe('ok');
    expect(fake.tokensIssued).toBe(2);
    expect(fake.apiRequests().map((r) => r.outcome)).toEqual([200, 200, 401, 200, 200]);
  });

  it('gives up as unauthorized when a freshly issued token is refused as well', async () => {
    const fake = await fakeSpotify({ faults: [{ fault: { kind: 'revoke-tokens' } }] });
    const result = await clientFor(fake).get(trackPath(fake));
    expect(codeOf(result)).toBe('unauthorized');
    expect(fake.tokensIssued).toBe(2);
    expect(fake.apiRequests()).toHaveLength(2);
  });

  it('reports bad credentials as invalid-client without a Web API request or the secret', async () => {
    const fake = await fakeSpotify();
    const secret = 'wrong-secret-abcdef';
    const client = clientFor(fake, {
      credentials: { clientId: fake.clientId, clientSecret: secret },
    });
    const result = await client.get(trackPath(fake));
    expect(codeOf(result)).toBe('invalid-client');
    expect(!result.ok && result.error.message).toContain('Invalid client');
    expect(JSON.stringify(result)).not.toContain(secret);
    expect(fake.apiRequests()).toHaveLength(0);
    expect(fake.requests).toHaveLength(1);
  });

  it('redacts the credentials and the token from a proxy page that echoes them', async () => {
    const fake = await fakeSpotify({
      faults: [{ match: /./, fault: { kind: 'echo-authorization' } }],
    });
    const tokenFailure = await clientFor(fake, { retry: { attempts: 1 } }).get(trackPath(fake));
    const basic = Buffer.from(`${fake.clientId}:${fake.clientSecret}`).toString('base64');
    expect(!tokenFailure.ok && tokenFailure.error.message).toContain(
      'Authorization: Basic [redacted]',
    );
    expect(JSON.stringify(tokenFailure)).not.toContain(basic);

    fake.setFaults([{ fault: { kind: 'echo-authorization' } }]);
    const apiFailure = await clientFor(fake, { retry: { attempts: 1 } }).get(trackPath(fake));
    expect(!apiFailure.ok && apiFailure.error.message).toContain(
      'Authorization: Bearer [redacted]',
    );
    expect(JSON.stringify(apiFailure)).not.toMatch(/Bearer BQ/);
  });
});

describe('SpotifyClient error codes', () => {
  it('maps an app owner without Premium to premium-required, without retrying', async () => {
    const fake = await fakeSpotify({ ownerHasPremium: false });
    const result = await clientFor(fake).get(trackPath(fake));
    expect(codeOf(result)).toBe('premium-required');
    expect(fake.apiRequests()).toHaveLength(1);
  });

  it('maps an unknown id to not-found and the removed batch lookup to forbidden', async () => {
    const fake = await fakeSpotify();
    const client = clientFor(fake);
    expect(codeOf(await client.get('/tracks/0000000000000000000000'))).toBe('not-found');
    expect(codeOf(await client.get(`/tracks?ids=${fake.data.tracks[0].id}`))).toBe('forbidden');
    expect(fake.apiRequests()).toHaveLength(2);
  });

  it('maps QUOTA_EXCEEDED to quota-exceeded at once, with the wait Spotify gave', async () => {
    const fake = await fakeSpotify({
      faults: [{ fault: { kind: 'quota-exceeded', retryAfterSeconds: 3600 } }],
    });
    const result = await clientFor(fake).get(trackPath(fake));
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'quota-exceeded', retryAfterSeconds: 3600 },
    });
    expect(fake.apiRequests()).toHaveLength(1);
  });
});
