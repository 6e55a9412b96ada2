/**
 * Crawl throughput against the fake Spotify (no added latency) in its own process, so the fake
 * does not share the crawler's event loop. Target: 5,000 tracks in 10 s or less, end to end
 * (requests, SQLite commits, cleaning, joining the catalog).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseSources } from '../main/core/spotify/parse-source.ts';
import { runCrawl } from '../main/core/spotify/run-crawl.ts';
import { openStore } from '../main/core/store/store.ts';
import { makeFakeData } from '../test/fake-spotify/fake-data.ts';

interface Served {
  apiUrl: string;
  accountsUrl: string;
  clientId: string;
  clientSecret: string;
}

const dataOptions = { artists: 10, albumsPerArtist: 6, tracksPerAlbum: 100 };
const serveScript = fileURLToPath(new URL('../test/fake-spotify/serve.ts', import.meta.url));
const server = spawn(process.execPath, [serveScript, JSON.stringify({ data: dataOptions })], {
  stdio: ['pipe', 'pipe', 'inherit'],
});
const served = await new Promise<Served>((resolve) => {
  createInterface({ input: server.stdout }).once('line', (line) =>
    resolve(JSON.parse(line) as Served),
  );
});
// The same seed gives the same ids as the fake's own copy.
const data = makeFakeData(dataOptions);

const scenarios: { name: string; sources: string[] }[] = [
  {
    name: 'search: 5 genre searches, pages of 10',
    sources: ['rock', 'jazz', 'pop', 'hip-hop', 'folk'].map((g) => `search:genre:${g}`),
  },
  {
    name: 'artists: 10 artists, their albums of 100',
    sources: data.artists.map((a) => `spotify:artist:${a.id}`),
  },
  {
    name: 'tracks: 5,000 single-track sources',
    sources: data.tracks.slice(0, 5000).map((t) => `spotify:track:${t.id}`),
  },
];

const dir = mkdtempSync(join(tmpdir(), 'earshot-crawl-bench-'));
try {
  for (const [index, scenario] of scenarios.entries()) {
    const parsed = parseSources(scenario.sources);
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const store = openStore(join(dir, `crawl-${index}.db`));
    let crawlEnd = 0;
    const started = performance.now();
    const summary = await runCrawl(store, parsed.sources, {
      credentials: { clientId: served.clientId, clientSecret: served.clientSecret },
      apiUrl: served.apiUrl,
      accountsUrl: served.accountsUrl,
      onProgress: (p) => {
        if (p.phase === 'clean') crawlEnd = performance.now();
      },
    });
    const seconds = (performance.now() - started) / 1000;
    const crawlSeconds = (crawlEnd - started) / 1000;
    store.close();
    const verdict = summary.cleaned >= 5000 && seconds <= 10 ? 'meets' : 'MISSES';
    process.stdout.write(
      `${scenario.name}\n  ${summary.cleaned} tracks, ${summary.requests} requests in ${seconds.toFixed(2)} s ` +
        `(crawl ${crawlSeconds.toFixed(2)} s, clean + join ${(seconds - crawlSeconds).toFixed(2)} s; ` +
        `${Math.round(summary.requests / crawlSeconds)} requests/s) — ${verdict} the 5,000 tracks in 10 s target\n`,
    );
    if (summary.stopped !== null) throw new Error(`crawl stopped: ${summary.stopped.message}`);
  }
} finally {
  server.stdin.end();
  rmSync(dir, { recursive: true, force: true });
}
