import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCrawl } from '../../../main/core/spotify/run-crawl.ts';
import type { CrawlProgress, CrawlSummary } from '../../../main/core/spotify/crawl-types.ts';
import type { FakeSpotify } from '../../fake-spotify/fake-spotify.ts';
import { tempDbPath } from '../../helpers/temp-dir.ts';
import { catalogRows, optionsFor, sources } from './crawl-fixtures.ts';
import { fakeSpotify, tempStore } from './harness.ts';

const script = fileURLToPath(new URL('../../fake-spotify/crawl-script.ts', import.meta.url));

interface Child {
  readonly process: ChildProcessWithoutNullStreams;
  readonly lines: { progress?: CrawlProgress; summary?: CrawlSummary }[];
  readonly exited: Promise<number | string | null>;
}

/** Runs a crawl in a child process with credentials and endpoints from the environment. */
function startCrawl(fake: FakeSpotify, db: string, texts: string[]): Child {
  const child = spawn(process.execPath, [script, db, ...texts], {
    env: {
      ...process.env,
      EARSHOT_SPOTIFY_API_URL: fake.apiUrl,
      EARSHOT_SPOTIFY_ACCOUNTS_URL: fake.accountsUrl,
      EARSHOT_SPOTIFY_CLIENT_ID: fake.clientId,
      EARSHOT_SPOTIFY_CLIENT_SECRET: fake.clientSecret,
    },
  });
  const lines: Child['lines'] = [];
  createInterface({ input: child.stdout }).on('line', (line) =>
    lines.push(JSON.parse(line) as Child['lines'][number]),
  );
  const exited = new Promise<number | string | null>((resolve) =>
    child.on('exit', (code, signal) => resolve(code ?? signal)),
  );
  return { process: child, lines, exited };
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
}

const answered = 9;

describe('a crawl killed with SIGKILL', () => {
  it('continues on re-run, repeating only the interrupted requests, and ends with the same catalog', async () => {
    const fake = await fakeSpotify({
      data: { artists: 4, albumsPerArtist: 3, tracksPerAlbum: 60 },
    });
    const texts = [
      `spotify:artist:${fake.data.artists[0].id}`,
      'search:genre:pop',
      `spotify:artist:${fake.data.artists[3].id}`,
    ];
    const reference = tempStore();
    await runCrawl(reference, sources(...texts), optionsFor(fake));
    fake.requests.length = 0;

    fake.setFaults([{ after: answered, fault: { kind: 'hang' } }]);
    const db = tempDbPath();
    const first = startCrawl(fake, db, texts);
    const committed = (): number => first.lines.filter((l) => l.progress?.phase === 'crawl').length;
    const hung = (): string[] =>
      fake
        .apiRequests()
        .filter((r) => r.outcome === 'hung')
        .map((r) => r.path);
    await until(() => committed() === answered && hung().length === 2);
    first.process.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    const interrupted = hung();
    const done = fake
      .apiRequests()
      .filter((r) => r.outcome === 200)
      .map((r) => r.path);
    expect(done).toHaveLength(answered);

    fake.setFaults([]);
    const from = fake.apiRequests().length;
    const second = startCrawl(fake, db, texts);
    expect(await second.exited).toBe(0);
    const rerun = fake
      .apiRequests()
      .slice(from)
      .map((r) => r.path);
    expect(rerun.filter((p) => done.includes(p))).toEqual([]);
    expect(rerun.filter((p) => interrupted.includes(p)).sort()).toEqual([...interrupted].sort());
    expect(second.lines.at(-1)?.summary?.stopped).toBeNull();

    const resumed = tempStore(db);
    expect(catalogRows(resumed)).toEqual(catalogRows(reference));
    expect(resumed.tracks.count()).toBeGreaterThan(300);
  });
});
