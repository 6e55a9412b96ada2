/**
 * Importing a 1,000,000-play listening history (target: 200,000 plays/s or better, reading,
 * matching, summing and writing included), as Spotify's Extended streaming history splits it:
 * files of 16,000 plays with every field Spotify lists. 30,000 recordings, skewed like real
 * listening; two thirds of them are in a 20,000-track catalog (half by Spotify id, half by
 * title and artist only), the rest stay unmatched.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Prng } from '../main/core/random.ts';
import { importHistoryFiles } from '../main/core/ratings/history/import-history.ts';
import { openStore } from '../main/core/store/store.ts';
import { extendedEntry } from '../test/helpers/history-fixtures.ts';
import { report, seconds } from './lib/report.ts';

const plays = 1_000_000;
const perFile = 16_000;
const recordings = 30_000;
const catalogTracks = 20_000;

const spotifyId = (n: number): string => `b${String(n).padStart(21, '0')}`;

function writeCatalog(dbPath: string): void {
  const store = openStore(dbPath);
  store.tracks.upsertMany(
    Array.from({ length: catalogTracks }, (_, n) => ({
      itemKey: spotifyId(n),
      source: 'spotify' as const,
      title: `Song ${n}`,
      artists: [{ name: `Artist ${n % 4000}` }],
      genres: [],
      spotifyId: spotifyId(n),
      durationMs: 150_000 + (n % 120_000),
    })),
  );
  store.close();
}

function writeHistory(dir: string): string[] {
  const random = new Prng(7);
  const files: string[] = [];
  const start = 1_600_000_000;
  for (let f = 0; f * perFile < plays; f++) {
    const entries = [];
    for (let i = f * perFile; i < Math.min(plays, (f + 1) * perFile); i++) {
      // Skewed popularity: the square of a uniform draw favours low recording numbers.
      const n = Math.floor(random.nextFloat() ** 2 * recordings);
      const withId = n % 3 === 0;
      entries.push(
        extendedEntry({
          title: `Song ${n}`,
          artist: `Artist ${n % 4000}`,
          ...(withId ? { spotifyId: spotifyId(n) } : {}),
          at: start + i * 180,
          msPlayed: random.nextFloat() < 0.2 ? 8_000 : 200_000,
          reasonEnd: random.nextFloat() < 0.2 ? 'fwdbtn' : 'trackdone',
        }),
      );
    }
    const path = join(dir, `Streaming_History_Audio_${2020 + f}_${f}.json`);
    writeFileSync(path, JSON.stringify(entries, null, 2));
    files.push(path);
  }
  return files;
}

const dir = mkdtempSync(join(tmpdir(), 'earshot-bench-history-'));
try {
  const dbPath = join(dir, 'earshot.db');
  writeCatalog(dbPath);
  const files = writeHistory(dir);
  const store = openStore(dbPath);
  globalThis.gc?.();
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const summary = importHistoryFiles(store, files);
  const took = seconds(started);
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  store.close();
  const rate = Math.round(plays / took);
  console.log(
    `import-history: ${plays.toLocaleString('en')} Spotify Extended plays in ${files.length} files`,
  );
  report(
    'recordings matched / unmatched',
    `${summary.matched.recordings} / ${summary.unmatched.recordings}`,
  );
  report('songs with a signal', `${summary.tracks}`);
  report('time', `${took.toFixed(2)} s (CPU ${cpuSeconds.toFixed(2)} s)`);
  report(
    'plays/s (target ≥ 200,000)',
    `${rate.toLocaleString('en')} ${rate >= 200_000 ? 'MET' : 'MISSED'}`,
  );
  // On a busy machine wall time includes waiting for a core; CPU time is what the work costs.
  report('plays per CPU second', Math.round(plays / cpuSeconds).toLocaleString('en'));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
