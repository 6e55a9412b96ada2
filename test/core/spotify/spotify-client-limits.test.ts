import { describe, expect, it } from 'vitest';
import type { SpotifyClient } from '../../../main/core/spotify/spotify-client.ts';
import type { SpotifyClientOptions } from '../../../main/core/spotify/spotify-client.ts';
import type { FakeSpotify } from '../../fake-spotify/fake-spotify.ts';
import { clientFor as harnessClient, fakeSpotify, recordingSleep } from './harness.ts';

function clientFor(fake: FakeSpotify, extra: Partial<SpotifyClientOptions> = {}): SpotifyClient {
  return harnessClient(fake, {
    retry: { attempts: 5, baseMs: 100, capMs: 300 },
    // A still clock, so a Retry-After pause is asked for exactly, not less the ms elapsed.
    now: () => 1_000_000,
    ...extra,
  });
}

const trackPath = (fake: FakeSpotify, index = 0): string => `/tracks/${fake.data.tracks[index].id}`;

describe('SpotifyClient retries', () => {
  it('rides out a burst of 500s, each wait doubling', async () => {
    const fake = await fakeSpotify({ faults: [{ times: 3, fault: { kind: 'server-error' } }] });
    const { sleep, waits } = recordingSleep();
    const result = await clientFor(fake, { sleep, retry: { baseMs: 100, capMs: 10_000 } }).get(
      trackPath(fake),
    );
    expect(result.ok).toBe(true);
    expect(waits).toEqual([100, 200, 400]);
    expect(fake.apiRequests().map((r) => r.outcome)).toEqual([500, 500, 500, 200]);
  });

  it('draws each wait at random below its ceiling (jitter)', async () => {
    const fake = await fakeSpotify({ faults: [{ times: 2, fault: { kind: 'server-error' } }] });
    const { sleep, waits } = recordingSleep();
    await clientFor(fake, { sleep, random: () => 0.25 }).get(trackPath(fake));
    expect(waits).toEqual([25, 50]);
  });

  it('gives up as server-error after the attempts allowed, no wait beyond the cap', async () => {
    const fake = await fakeSpotify({ faults: [{ fault: { kind: 'server-error', status: 503 } }] });
    const { sleep, waits } = recordingSleep();
    const result = await clientFor(fake, { sleep }).get(trackPath(fake));
    expect(result).toMatchObject({ ok: false, error: { code: 'server-error', status: 503 } });
    expect(fake.apiRequests()).toHaveLength(5);
    expect(waits).toEqual([100, 200, 300, 300]);
  });

  it('retries a dropped connection and a cut-off body, then succeeds', async () => {
    const fake = await fakeSpotify({
      faults: [
        { times: 1, fault: { kind: 'drop-connection' } },
        { after: 1, times: 1, fault: { kind: 'malformed-json' } },
      ],
    });
    const result = await clientFor(fake, { sleep: recordingSleep().sleep }).get(trackPath(fake));
    expect(result.ok).toBe(true);
    expect(fake.apiRequests().map((r) => r.outcome)).toEqual(['dropped', 200, 200]);
    expect(fake.apiRequests().map((r) => r.fault)).toEqual([
      'drop-connection',
      'malformed-json',
      undefined,
    ]);
  });

  it('reports a body that is never JSON as malformed-response', async () => {
    const fake = await fakeSpotify({ faults: [{ fault: { kind: 'malformed-json' } }] });
    const result = await clientFor(fake, {
      sleep: recordingSleep().sleep,
      retry: { attempts: 2 },
    }).get(trackPath(fake));
    expect(result).toMatchObject({ ok: false, error: { code: 'malformed-response', status: 200 } });
    expect(fake.apiRequests()).toHaveLength(2);
  });

  it('times out a response that never ends, once per attempt', async () => {
    const fake = await fakeSpotify({ faults: [{ fault: { kind: 'hang' } }] });
    const client = clientFor(fake, {
      sleep: recordingSleep().sleep,
      timeoutMs: 100,
      retry: { attempts: 2 },
    });
    const result = await client.get(trackPath(fake));
    expect(result).toMatchObject({ ok: false, error: { code: 'timeout' } });
    expect(!result.ok && result.error.message).toContain('within 100 ms');
    expect(fake.apiRequests().map((r) => r.outcome)).toEqual(['hung', 'hung']);
  });
});

describe('SpotifyClient rate limits and flow control', () => {
  it('waits out a short Retry-After and then gets its answer', async () => {
    const fake = await fakeSpotify({
      faults: [{ times: 1, fault: { kind: 'rate-limit', retryAfterSeconds: 2 } }],
    });
    const { sleep, waits } = recordingSleep();
    const result = await clientFor(fake, { sleep }).get(trackPath(fake));
    expect(result.ok).toBe(true);
    expect(waits).toEqual([2000]);
    expect(fake.apiRequests().map((r) => r.outcome)).toEqual([429, 200]);
  });

  it('does not wait a Retry-After beyond the cap: it fails as rate-limited with the wait', async () => {
    const fake = await fakeSpotify({
      faults: [{ fault: { kind: 'rate-limit', retryAfterSeconds: 86_400 } }],
    });
    const { sleep, waits } = recordingSleep();
    const result = await clientFor(fake, { sleep, retryAfterCapSeconds: 60 }).get(trackPath(fake));
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'rate-limited', retryAfterSeconds: 86_400 },
    });
    expect(waits).toEqual([]);
    expect(fake.apiRequests()).toHaveLength(1);
  });

  it('waits a Retry-After exactly at the cap', async () => {
    const fake = await fakeSpotify({
      faults: [{ times: 1, fault: { kind: 'rate-limit', retryAfterSeconds: 30 } }],
    });
    const { sleep, waits } = recordingSleep();
    const result = await clientFor(fake, { sleep, retryAfterCapSeconds: 30 }).get(trackPath(fake));
    expect(result.ok).toBe(true);
    expect(waits).toEqual([30_000]);
  });

  it('never has more than two requests in flight, and does use two', async () => {
    const fake = await fakeSpotify({ latencyMs: 15 });
    const client = clientFor(fake);
    const results = await Promise.all(
      fake.data.tracks.slice(0, 12).map((_, i) => client.get(trackPath(fake, i))),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(fake.maxInFlight).toBe(2);
  });

  it('keeps to one request in flight when asked to', async () => {
    const fake = await fakeSpotify({ latencyMs: 5 });
    const client = clientFor(fake, { maxInFlight: 1 });
    await Promise.all([0, 1, 2, 3].map((i) => client.get(trackPath(fake, i))));
    expect(fake.maxInFlight).toBe(1);
  });

  it('ends a hanging request as cancelled as soon as the signal aborts', async () => {
    const fake = await fakeSpotify({ faults: [{ fault: { kind: 'hang' } }] });
    const controller = new AbortController();
    const client = clientFor(fake, { signal: controller.signal, timeoutMs: 600_000 });
    const pending = client.get(trackPath(fake));
    while (!fake.apiRequests().some((r) => r.outcome === 'hung'))
      await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    expect(await pending).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(fake.apiRequests()).toHaveLength(1);
  });
});
