/**
 * Cleaning speed: 100,000 raw Spotify track objects (2023 shape, with duplicates by id, ISRC
 * and recording, and some local files) to de-duplicated tracks. Target: 3 s or less.
 */
import { cleanTracks } from '../main/core/catalog/clean-tracks.ts';
import type { RawTrackInput } from '../main/core/catalog/clean-tracks.ts';
import { localTrack, rawTrack } from '../test/fake-spotify/raw-tracks.ts';

const count = 100_000;

/** Every 10th object repeats an id, every 20th an ISRC, every 25th a recording; 1% are local. */
function makeRaws(): RawTrackInput[] {
  const raws: RawTrackInput[] = [];
  for (let i = 0; i < count; i++) {
    let track: unknown;
    if (i % 100 === 99) track = localTrack(i);
    else if (i % 10 === 9) track = rawTrack(i - 1);
    else if (i % 20 === 3)
      track = rawTrack(i, {
        isrc: `USAB126${String((i - 1) % 100_000).padStart(5, '0')}`,
        albumType: 'compilation',
      });
    else if (i % 25 === 7)
      track = rawTrack(i, {
        title: `Song Number ${i - 2} - 2011 Remaster`,
        artist: `Artist ${(i - 2) % 997}`,
        isrc: null,
      });
    else track = rawTrack(i);
    raws.push({ track, fetchedAt: 1_790_000_000 + i, genres: i % 3 === 0 ? ['rock'] : [] });
  }
  return raws;
}

const raws = makeRaws();
const json = raws.map((raw) => JSON.stringify(raw.track));
globalThis.gc?.();

let started = performance.now();
const cpuBefore = process.cpuUsage();
const result = cleanTracks(raws);
const cleanSeconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;

globalThis.gc?.();
started = performance.now();
const fromJson = cleanTracks(
  json.map((text, i) => ({
    track: JSON.parse(text) as unknown,
    fetchedAt: raws[i].fetchedAt,
    genres: raws[i].genres,
  })),
);
const parseAndCleanSeconds = (performance.now() - started) / 1000;

const dropped = Object.entries(result.dropped)
  .filter(([, n]) => n > 0)
  .map(([reason, n]) => `${reason} ${n}`)
  .join(', ');
const verdict = cleanSeconds <= 3 ? 'meets' : 'MISSES';
process.stdout.write(
  `cleaned ${count.toLocaleString('en')} raw track objects in ${cleanSeconds.toFixed(2)} s ` +
    `(${Math.round(count / cleanSeconds).toLocaleString('en')} objects/s; CPU ${cpuSeconds.toFixed(2)} s, ` +
    `which a busy machine inflates less than wall time) — ${verdict} the 3 s target\n` +
    `  kept ${result.tracks.length.toLocaleString('en')}; dropped: ${dropped}\n` +
    `  from JSON text (parse + clean, as a crawl does): ${parseAndCleanSeconds.toFixed(2)} s, ` +
    `same result: ${fromJson.tracks.length === result.tracks.length}\n`,
);
