import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../main/cli/main.ts';
import type {
  PickSetsResponse,
  PickSetView,
  RecommendResponse,
} from '../../main/core/contract/index.ts';
import { captureIo } from '../helpers/capture-io.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { buildTrainedDatabase, copyDatabase } from '../helpers/trained-store.ts';

let trained: Awaited<ReturnType<typeof buildTrainedDatabase>>;
beforeAll(async () => {
  trained = await buildTrainedDatabase(300);
});
afterAll(() => trained.remove());

async function earshot(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = captureIo({});
  const code = await main(args, io);
  return { code, out: io.stdout(), err: io.stderr() };
}

/** A database whose listener rated songs 1–3 and then song 4, with a set of picks after each. */
async function withTwoSets(): Promise<{ db: string; first: RecommendResponse }> {
  const db = copyDatabase(trained.path);
  const made = await earshot(['picks', '--db', db, '--rate', '1=5', '--rate', '2=4', '--json']);
  expect(made.code).toBe(0);
  const first = JSON.parse(made.out) as RecommendResponse;
  const pick = first.recommendations[0].track.id;
  expect((await earshot(['picks', '--db', db, '--rate', `${pick}=5`])).code).toBe(0);
  return { db, first };
}

describe('earshot history', () => {
  it('lists the sets, newest first, with when and from what they were made', async () => {
    const { db, first } = await withTwoSets();
    const text = await earshot(['history', '--db', db]);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/^Your past picks, 2 sets:\n/);
    expect(text.out).toMatch(
      new RegExp(
        `#2  made \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d from 3 ratings, after you rated ${first.recommendations[0].track.title.replace(/[()]/g, '.')} ★★★★★\\n`,
      ),
    );
    expect(text.out).toContain('from 2 ratings, after you rated');

    const json = JSON.parse(
      (await earshot(['history', '--db', db, '--json'])).out,
    ) as PickSetsResponse;
    expect(json.total).toBe(2);
    expect(json.sets.map((s) => s.id)).toEqual([2, 1]);
  });

  it('reopens a set by its ID, saying which picks were rated since', async () => {
    const { db, first } = await withTwoSets();
    const json = JSON.parse(
      (await earshot(['history', '1', '--db', db, '--json'])).out,
    ) as PickSetView;
    expect(json.recommendations).toEqual(first.recommendations);
    const text = await earshot(['history', '1', '--db', db]);
    expect(text.out).toMatch(/^Picks #1, made .* from 2 ratings/);
    expect(text.out).toContain('you rated it ★★★★★ since');
  });

  it('refuses an unknown set with one line and exit 1, and a bad ID with the usage', async () => {
    const { db } = await withTwoSets();
    const missing = await earshot(['history', '9', '--db', db]);
    expect(missing).toMatchObject({
      code: 1,
      err: 'earshot history: There is no past set of picks with id 9.\n',
    });
    const bad = await earshot(['history', 'first', '--db', db]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('ID must be a whole number from 1, got "first"');
  });
});

describe('earshot playlist', () => {
  it('writes the current picks, the format taken from the file name', async () => {
    const { db } = await withTwoSets();
    const out = join(makeTempDir(), 'picks.xspf');
    const done = await earshot(['playlist', '--db', db, '--out', out]);
    expect(done.code).toBe(0);
    expect(done.out).toBe(`Wrote 3 songs to ${out} (XSPF playlist)\n`);
    expect(readFileSync(out, 'utf8')).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<playlist/,
    );
  });

  it('writes a past set or the loved songs in the format asked for', async () => {
    const { db, first } = await withTwoSets();
    const dir = makeTempDir();
    const past = join(dir, 'first.txt');
    expect(
      (
        await earshot([
          'playlist',
          '--db',
          db,
          '--out',
          past,
          '--from',
          'history:1',
          '--format',
          'm3u8',
        ])
      ).code,
    ).toBe(0);
    const lines = readFileSync(past, 'utf8').split('\n');
    expect(lines[0]).toBe('#EXTM3U');
    expect(
      lines.filter((l) => l.startsWith('#EXTINF:')).map((l) => l.slice(l.indexOf(' - ') + 3)),
    ).toEqual(first.recommendations.map((r) => r.track.title));
    const loved = join(dir, 'loved.jspf');
    const saved = await earshot(['playlist', '--db', db, '--out', loved, '--from', 'loved']);
    expect(saved.out).toContain('Wrote 3 songs');
    const { playlist } = JSON.parse(readFileSync(loved, 'utf8')) as { playlist: { title: string } };
    expect(playlist.title).toBe('Songs I love');
  });

  it('refuses to replace a file without --force, as earshot export does', async () => {
    const { db } = await withTwoSets();
    const out = join(makeTempDir(), 'picks.m3u8');
    writeFileSync(out, 'keep');
    const refused = await earshot(['playlist', '--db', db, '--out', out]);
    expect(refused).toMatchObject({
      code: 1,
      err: `earshot playlist: ${out} already exists; --force replaces it.\n`,
    });
    expect(readFileSync(out, 'utf8')).toBe('keep');
    expect((await earshot(['playlist', '--db', db, '--out', out, '--force'])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^#EXTM3U\n/);
  });

  it('explains a name with no format, a bad --from, and an empty playlist', async () => {
    const db = copyDatabase(trained.path);
    const dir = makeTempDir();
    const noFormat = await earshot(['playlist', '--db', db, '--out', join(dir, 'picks')]);
    expect(noFormat.code).toBe(2);
    expect(noFormat.err).toContain('give --format m3u8|xspf|jspf');
    const badFrom = await earshot([
      'playlist',
      '--db',
      db,
      '--out',
      join(dir, 'a.m3u8'),
      '--from',
      'yesterday',
    ]);
    expect(badFrom.code).toBe(2);
    expect(badFrom.err).toContain('--from must be picks, loved or history:ID, got "yesterday"');
    const empty = join(dir, 'loved.m3u8');
    const none = await earshot(['playlist', '--db', db, '--out', empty, '--from', 'loved']);
    expect(none.code).toBe(1);
    expect(none.err).toMatch(/^earshot playlist: There are no songs you loved yet/);
    expect(existsSync(empty)).toBe(false);
  });
});
