/**
 * Search to rate on a large catalog: 100,000 tracks written through the repository (with the
 * search index, and without it for comparison), type-ahead queries as a listener types them,
 * and a page of Your ratings out of 10,000. Times are CPU time of this process, so that a busy
 * machine does not inflate them. Targets: a keystroke's search under 50 ms at p95 (what feels
 * instant while typing), a page of ratings under 50 ms.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TrackInput } from '../main/core/catalog/track.ts';
import { Prng } from '../main/core/random.ts';
import { openStore } from '../main/core/store/store.ts';
import { report } from './lib/report.ts';

const count = 100_000;
const words = ['love', 'night', 'heart', 'blue', 'dance', 'fire', 'river', 'rain', 'gold', 'road'];
const accented = ['Beyoncé', 'Motörhead', 'Sigur Rós', 'Björk', 'Céline', 'José', 'Måneskin'];

function tracks(random: Prng): TrackInput[] {
  return Array.from({ length: count }, (_, i) => ({
    itemKey: `bench-${i}`,
    source: 'catalog' as const,
    title: `${words[random.nextInt(words.length)]} ${words[random.nextInt(words.length)]} ${i}`,
    artists: [{ name: `${accented[i % accented.length]} ${i % 5000}` }],
    genres: ['pop'],
  }));
}

/** Milliseconds of CPU this process spends in `work`. */
function cpuMs(work: () => unknown): number {
  const before = process.cpuUsage();
  work();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

const dir = mkdtempSync(join(tmpdir(), 'earshot-search-bench-'));
try {
  const store = openStore(join(dir, 'earshot.db'));
  const written = cpuMs(() => store.tracks.upsertMany(tracks(new Prng(7))));
  report('write 100,000 tracks (with the index)', `${(written / 1000).toFixed(2)} s`);
  const plain = openStore(join(dir, 'plain.db'));
  plain.db.exec('DROP TABLE track_search');
  plain.db.exec('CREATE TABLE track_search (rowid INTEGER PRIMARY KEY, title, artists)');
  const unindexed = cpuMs(() => plain.tracks.upsertMany(tracks(new Prng(7))));
  plain.close();
  report('the same into a plain table', `${(unindexed / 1000).toFixed(2)} s`);

  // What a listener types, a keystroke at a time.
  const typed = ['b', 'bj', 'bjo', 'bjork', 'bjork 4', 'bjork 42', 'n', 'ni', 'nig', 'night r'];
  const times: number[] = [];
  for (let round = 0; round < 20; round++)
    for (const query of typed) times.push(cpuMs(() => store.search.ids(query, 8)));
  times.sort((a, b) => a - b);
  report('search per keystroke, median', `${percentile(times, 0.5).toFixed(2)} ms`);
  report('search per keystroke, p95', `${percentile(times, 0.95).toFixed(2)} ms`);
  const oneLetter = cpuMs(() => store.search.ids('b', 8));
  report('search "b" (a third of the catalog matches)', `${oneLetter.toFixed(1)} ms`);

  const userId = store.users.ensure('local', 'me');
  store.ratings.upsertMany(
    Array.from({ length: 10_000 }, (_, i) => ({
      userId,
      trackId: 1 + i * 10,
      rating: 1 + (i % 5),
      ratedAt: 1_700_000_000 + i,
    })),
  );
  const pages: number[] = [];
  for (const sort of ['recent', 'stars', 'title', 'artist'] as const) {
    pages.push(cpuMs(() => store.ratingList.page({ userId, sort, offset: 0, limit: 50 })));
    const search = 'bjork';
    pages.push(cpuMs(() => store.ratingList.page({ userId, sort, search, offset: 0, limit: 50 })));
  }
  report('a page of 10,000 ratings (4 sorts ± search), max', `${Math.max(...pages).toFixed(1)} ms`);
  store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
