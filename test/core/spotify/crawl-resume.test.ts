import { describe, expect, it } from 'vitest';
import { runCrawl } from '../../../main/core/spotify/run-crawl.ts';
import type { CrawlProgress, CrawlSummary } from '../../../main/core/spotify/crawl-types.ts';
import type { FakeSpotify } from '../../fake-spotify/fake-spotify.ts';
import { catalogRows, optionsFor, sources } from './crawl-fixtures.ts';
import { fakeSpotify, recordingSleep, tempStore } from './harness.ts';

const data = { artists: 4, albumsPerArtist: 3, tracksPerAlbum: 60 };

/** Two artists (album pages of 50, so several requests each) and a genre search. */
function crawlSources(fake: FakeSpotify) {
  return sources(
    `spotify:artist:${fake.data.artists[0].id}`,
    'search:genre:pop',
    `spotify:artist:${fake.data.artists[3].id}`,
  );
}

/** The catalog an uninterrupted crawl of the same sources builds. */
async function referenceCatalog(fake: FakeSpotify): Promise<unknown[]> {
  const store = tempStore();
  const summary = await runCrawl(store, crawlSources(fake), optionsFor(fake));
  expect(summary.stopped).toBeNull();
  fake.requests.length = 0;
  return catalogRows(store);
}

const okPaths = (fake: FakeSpotify, from = 0): string[] =>
  fake
    .apiRequests()
    .slice(from)
    .filter((r) => r.outcome === 200)
    .map((r) => r.path);

describe('runCrawl stops and resumes', () => {
  it('stops cleanly on a Retry-After beyond the cap, says when to resume, and a re-run finishes it', async () => {
    const fake = await fakeSpotify({ data });
    const reference = await referenceCatalog(fake);
    fake.setFaults([
      { after: 6, times: 1, fault: { kind: 'rate-limit', retryAfterSeconds: 86_400 } },
    ]);
    const store = tempStore();
    const now = Date.UTC(2026, 10, 29, 12, 0, 0);
    const first = await runCrawl(store, crawlSources(fake), optionsFor(fake, { now: () => now }));
    expect(first.stopped).toMatchObject({
      reason: 'rate-limited',
      retryAfterSeconds: 86_400,
      resumeAt: '2026-11-30T12:00:00.000Z',
    });
    expect(first.stopped!.message).toContain('continues where it stopped');
    expect(first.sources.some((s) => s.status === 'incomplete')).toBe(true);
    expect(store.tracks.count()).toBe(first.cleaned);
    expect(first.cleaned).toBeGreaterThan(0);

    const answeredBefore = new Set(okPaths(fake));
    const from = fake.apiRequests().length;
    const second = await runCrawl(
      store,
      crawlSources(fake),
      optionsFor(fake, { now: () => now + 86_400_000 }),
    );
    expect(second.stopped).toBeNull();
    expect(second.sources.every((s) => s.status === 'done')).toBe(true);
    expect(okPaths(fake, from).filter((p) => answeredBefore.has(p))).toEqual([]);
    expect(catalogRows(store)).toEqual(reference);
  });

  it('rides out short 429s, a burst of 500s and a dropped socket without losing a track', async () => {
    const fake = await fakeSpotify({ data });
    const reference = await referenceCatalog(fake);
    fake.setFaults([
      { after: 2, times: 2, fault: { kind: 'rate-limit', retryAfterSeconds: 1 } },
      { match: '/search', after: 3, times: 4, fault: { kind: 'server-error' } },
      { match: '/albums/', after: 5, times: 1, fault: { kind: 'drop-connection' } },
    ]);
    const { sleep, waits } = recordingSleep();
    const store = tempStore();
    const events: CrawlProgress[] = [];
    const onProgress = (p: CrawlProgress): number => events.push(p);
    const now = (): number => 1_800_000_000_000; // still: pauses are asked for exactly
    const summary = await runCrawl(
      store,
      crawlSources(fake),
      optionsFor(fake, { sleep, onProgress, now }),
    );
    expect(summary.stopped).toBeNull();
    expect(waits.filter((ms) => ms === 1000).length).toBeGreaterThanOrEqual(1);
    const told = events.filter((e) => e.phase === 'wait');
    expect(told).toContainEqual({
      phase: 'wait',
      reason: 'rate-limited',
      ms: 1000,
      code: 'rate-limited',
    });
    expect(told.filter((e) => e.code === 'server-error')).toHaveLength(4);
    expect(fake.apiRequests().filter((r) => r.outcome === 500)).toHaveLength(4);
    expect(catalogRows(store)).toEqual(reference);
  });

  it('renews the token after a 401 mid-crawl and finishes', async () => {
    const fake = await fakeSpotify({
      data,
      faults: [{ after: 5, times: 1, fault: { kind: 'revoke-tokens' } }],
    });
    const store = tempStore();
    const summary = await runCrawl(store, crawlSources(fake), optionsFor(fake));
    expect(summary.stopped).toBeNull();
    // Both requests in flight may hold the revoked token; they share the one renewal.
    expect(fake.tokensIssued).toBe(2);
    const refused = fake.apiRequests().filter((r) => r.outcome === 401).length;
    expect(refused).toBeGreaterThanOrEqual(1);
    expect(refused).toBeLessThanOrEqual(2);
  });

  it('stops on QUOTA_EXCEEDED, keeping what it fetched for the next run', async () => {
    const fake = await fakeSpotify({
      data,
      faults: [{ after: 4, fault: { kind: 'quota-exceeded' } }],
    });
    const store = tempStore();
    const summary = await runCrawl(store, crawlSources(fake), optionsFor(fake));
    expect(summary.stopped).toMatchObject({ reason: 'quota-exceeded', resumeAt: undefined });
    expect(summary.fetched).toBeGreaterThan(0);
    expect(fake.apiRequests().filter((r) => r.outcome === 429).length).toBeLessThanOrEqual(2);
    expect(store.tracks.count()).toBe(summary.cleaned);
  });

  it('stops after server errors outlast the retries; a re-run continues', async () => {
    const fake = await fakeSpotify({
      data,
      faults: [{ after: 3, fault: { kind: 'server-error', status: 502 } }],
    });
    const store = tempStore();
    const first = await runCrawl(
      store,
      crawlSources(fake),
      optionsFor(fake, { retry: { attempts: 3, baseMs: 1, capMs: 2 } }),
    );
    expect(first.stopped).toMatchObject({ reason: 'server-error' });
    expect(first.stopped!.message).toContain('Spotify answered 502');
    fake.setFaults([]);
    const second = await runCrawl(store, crawlSources(fake), optionsFor(fake));
    expect(second.stopped).toBeNull();
    expect(store.tracks.count()).toBe(second.cleaned);
  });

  it('stops as timeout when answers never end, and a re-run continues', async () => {
    const fake = await fakeSpotify({ data, faults: [{ after: 4, fault: { kind: 'hang' } }] });
    const store = tempStore();
    const options = optionsFor(fake, {
      timeoutMs: 50,
      retry: { attempts: 2, baseMs: 1, capMs: 2 },
    });
    const first = await runCrawl(store, crawlSources(fake), options);
    expect(first.stopped).toMatchObject({
      reason: 'timeout',
      message: expect.stringContaining('within 50 ms') as unknown,
    });
    expect(fake.apiRequests().filter((r) => r.outcome === 'hung').length).toBeGreaterThanOrEqual(2);
    fake.setFaults([]);
    expect((await runCrawl(store, crawlSources(fake), options)).stopped).toBeNull();
  });

  it('refuses a negative maximum age or cap as a programming error', async () => {
    const fake = await fakeSpotify({ data });
    await expect(runCrawl(tempStore(), [], optionsFor(fake, { maxAgeDays: -1 }))).rejects.toThrow(
      RangeError,
    );
    await expect(
      runCrawl(tempStore(), [], optionsFor(fake, { retryAfterCapSeconds: Number.NaN })),
    ).rejects.toThrow(/retryAfterCapSeconds/);
  });

  it.each([
    ['premium-required', { ownerHasPremium: false }],
    ['invalid-client', { clientSecret: 'another-secret-entirely' }],
  ] as const)('stops on %s before fetching anything', async (reason, fakeOptions) => {
    const fake = await fakeSpotify({ data, ...fakeOptions });
    const options = optionsFor(fake, {
      credentials: { clientId: 'fake-client-id', clientSecret: 'fake-client-secret-0123456789' },
    });
    const summary: CrawlSummary = await runCrawl(tempStore(), crawlSources(fake), options);
    expect(summary.stopped?.reason).toBe(reason);
    expect(summary.fetched).toBe(0);
    expect(summary.sources.every((s) => s.status === 'incomplete')).toBe(true);
    expect(JSON.stringify(summary)).not.toContain('fake-client-secret-0123456789');
  });

  it('stops at once when no credentials are set, without a request', async () => {
    const fake = await fakeSpotify({ data });
    const summary = await runCrawl(
      tempStore(),
      crawlSources(fake),
      optionsFor(fake, { credentials: { clientId: '', clientSecret: '' } }),
    );
    expect(summary.stopped).toMatchObject({
      reason: 'invalid-client',
      message: expect.stringContaining('No Spotify client id') as unknown,
    });
    expect(fake.requests).toHaveLength(0);
  });

  it('refetches metadata older than the maximum age, and nothing younger', async () => {
    const fake = await fakeSpotify({ data });
    const store = tempStore();
    const day = 86_400_000;
    const start = Date.UTC(2026, 0, 1);
    const first = await runCrawl(store, crawlSources(fake), optionsFor(fake, { now: () => start }));
    const firstRequests = fake.requests.length;
    const soon = await runCrawl(
      store,
      crawlSources(fake),
      optionsFor(fake, { now: () => start + 29 * day }),
    );
    expect(soon).toMatchObject({ requests: 0, fetched: 0, cleaned: first.cleaned, stopped: null });
    expect(fake.requests).toHaveLength(firstRequests);
    const later = await runCrawl(
      store,
      crawlSources(fake),
      optionsFor(fake, { now: () => start + 31 * day, maxAgeDays: 30 }),
    );
    expect(later.fetched).toBe(first.fetched);
    expect(later.catalog).toMatchObject({ added: 0, updated: first.cleaned });
    const fetchedAt = store.db.prepare('SELECT DISTINCT fetched_at FROM tracks').pluck().all();
    expect(fetchedAt).toEqual([(start + 31 * day) / 1000]);
  });

  it('stops as cancelled when the signal aborts, keeping committed work and skipping the join', async () => {
    const fake = await fakeSpotify({ data, faults: [{ after: 3, fault: { kind: 'hang' } }] });
    const controller = new AbortController();
    const store = tempStore();
    const running = runCrawl(
      store,
      crawlSources(fake),
      optionsFor(fake, { signal: controller.signal, timeoutMs: 600_000 }),
    );
    while (fake.apiRequests().filter((r) => r.outcome === 'hung').length < 2)
      await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    const summary = await running;
    expect(summary.stopped?.reason).toBe('cancelled');
    expect(summary.fetched).toBeGreaterThan(0);
    expect(summary.rawTracks).toBe(summary.fetched);
    expect(store.tracks.count()).toBe(0);
  });
});
