import { createServer } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { crawlLimits } from '../../../main/core/spotify/crawl-limits.ts';
import { runCrawl } from '../../../main/core/spotify/run-crawl.ts';
import { optionsFor, sources } from './crawl-fixtures.ts';
import { clientFor, closeAfterTest, fakeSpotify, tempStore } from './harness.ts';

/** Another server on the same host, which records every request it gets. */
async function catcher(): Promise<{ url: string; seen: IncomingHttpHeaders[] }> {
  const seen: IncomingHttpHeaders[] = [];
  const server = createServer((req, res) => {
    seen.push(req.headers);
    res.end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closeAfterTest({
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

describe('the crawler against answers it must not believe', () => {
  it('pages an album claiming a billion tracks only as far as an album can go', async () => {
    const fake = await fakeSpotify({
      data: { artists: 1, albumsPerArtist: 1, tracksPerAlbum: 60 },
      faults: [{ match: '/albums/', fault: { kind: 'inflate-total', total: 1e9 } }],
    });
    const store = tempStore();
    const album = fake.data.albums[0];
    const summary = await runCrawl(store, sources(`spotify:album:${album.id}`), optionsFor(fake));
    const pages = Math.ceil(crawlLimits.maxItems['album-tracks'] / 50);
    expect(fake.apiRequests().length).toBeLessThanOrEqual(pages);
    const queued = store.db.prepare('SELECT count(*) FROM crawl_work').pluck().get();
    expect(queued).toBeLessThanOrEqual(pages);
    expect(summary.catalog.added).toBe(60);
    expect(summary.stopped).toBeNull();
  });

  it('abandons a 50 MB body after its cap instead of reading it into memory', async () => {
    const fake = await fakeSpotify({
      faults: [{ match: '/tracks/', fault: { kind: 'huge-body', bytes: 50 * 1024 * 1024 } }],
    });
    const cap = 256 * 1024;
    const result = await clientFor(fake, { maxBodyBytes: cap }).get(
      `/tracks/${fake.data.tracks[0].id}`,
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'too-large', status: 200 } });
    expect(result.ok || result.error.message).toContain('larger than 256 KB');
    // Not retried (it would be as large again), and the rest was never sent.
    const [only, ...others] = fake.apiRequests();
    expect(others).toEqual([]);
    await expect.poll(() => only?.outcome).toBe('abandoned');
    expect(only.bodyBytes).toBeLessThan(10 * 1024 * 1024);
  });

  it('gives up on a server that hangs within the request deadline, not after every attempt', async () => {
    const fake = await fakeSpotify({ faults: [{ match: '/tracks/', fault: { kind: 'hang' } }] });
    const result = await clientFor(fake, {
      timeoutMs: 300,
      deadlineMs: 700,
      retry: { attempts: 5, baseMs: 10, capMs: 20 },
    }).get(`/tracks/${fake.data.tracks[0].id}`);
    expect(result).toMatchObject({ ok: false, error: { code: 'timeout' } });
    // Five attempts of 300 ms cannot fit in 700 ms: at most three start.
    expect(fake.apiRequests().length).toBeLessThanOrEqual(3);
  });

  it('does not follow a redirect loop: one request, one clear error', async () => {
    const fake = await fakeSpotify({
      faults: [{ match: '/tracks/', fault: { kind: 'redirect', location: 'same' } }],
    });
    const path = `/tracks/${fake.data.tracks[0].id}`;
    const result = await clientFor(fake).get(path);
    expect(result).toMatchObject({ ok: false, error: { code: 'redirected', status: 302 } });
    expect(result.ok || result.error.message).toBe(
      `Spotify answered 302, a redirect to ${fake.url}/v1${path}; Earshot follows no redirects, so nothing was sent there`,
    );
    expect(fake.apiRequests()).toHaveLength(1);
  });

  it('never sends the token to where a redirect points, API or token endpoint alike', async () => {
    const elsewhere = await catcher();
    const fake = await fakeSpotify({
      faults: [
        { match: '/tracks/', fault: { kind: 'redirect', location: `${elsewhere.url}/steal` } },
      ],
    });
    const api = await clientFor(fake).get(`/tracks/${fake.data.tracks[0].id}`);
    expect(api).toMatchObject({ ok: false, error: { code: 'redirected' } });
    fake.setFaults([
      { match: '/api/token', fault: { kind: 'redirect', location: `${elsewhere.url}/token` } },
    ]);
    const token = await clientFor(fake).get(`/tracks/${fake.data.tracks[0].id}`);
    expect(token).toMatchObject({ ok: false, error: { code: 'redirected' } });
    expect(elsewhere.seen).toEqual([]);
  });

  it('fails only the redirected source and crawls the others', async () => {
    const fake = await fakeSpotify({ data: { artists: 1, albumsPerArtist: 2, tracksPerAlbum: 5 } });
    const [first, second] = fake.data.albums;
    fake.setFaults([
      { match: `/albums/${first.id}`, fault: { kind: 'redirect', location: 'same' } },
    ]);
    const summary = await runCrawl(
      tempStore(),
      sources(`spotify:album:${first.id}`, `spotify:album:${second.id}`),
      optionsFor(fake),
    );
    expect(summary.sources.map((s) => s.status)).toEqual(['failed', 'done']);
    expect(summary.catalog.added).toBe(5);
    expect(summary.stopped).toBeNull();
  });
});
