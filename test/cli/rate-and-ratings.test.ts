import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../main/cli/main.ts';
import type { ListRatingsResponse } from '../../main/core/contract/index.ts';
import { openStore } from '../../main/core/store/store.ts';
import { captureIo } from '../helpers/capture-io.ts';
import { buildTrainedDatabase, copyDatabase } from '../helpers/trained-store.ts';

let trained: Awaited<ReturnType<typeof buildTrainedDatabase>>;
beforeAll(async () => {
  trained = await buildTrainedDatabase(100);
});
afterAll(() => trained.remove());

async function earshot(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = captureIo({});
  const code = await main(args, io);
  return { code, out: io.stdout(), err: io.stderr() };
}

function idOf(db: string, title: string, artist: string): number {
  const store = openStore(db);
  const id = store.db
    .prepare(
      `SELECT t.id FROM tracks t JOIN track_artists ta ON ta.track_id = t.id AND ta.position = 0
       JOIN artists a ON a.id = ta.artist_id WHERE t.title = ? AND a.name = ?`,
    )
    .pluck()
    .get(title, artist) as number;
  store.close();
  return id;
}

describe('earshot rate', () => {
  it('rates the one song a query names, saying which, and the change of stars', async () => {
    const db = copyDatabase(trained.path);
    const first = await earshot(['rate', 'JOLÈNE', '2', '--db', db]);
    expect(first).toEqual({
      code: 0,
      out: 'Rated Jolene — Dolly Parton (1973) ★★☆☆☆. You have rated 1 song.\n',
      err: '',
    });
    const again = await earshot(['rate', 'dolly parton jolene', '4', '--db', db]);
    expect(again.out).toBe(
      'Rated Jolene — Dolly Parton (1973) ★★★★☆ (was ★★☆☆☆). You have rated 1 song.\n',
    );
  });

  it('lists the candidates when several match and rates none; rates one by --id', async () => {
    const db = copyDatabase(trained.path);
    const several = await earshot(['rate', 'hallelujah', '5', '--db', db]);
    expect(several.code).toBe(3);
    expect(several.out).toBe('');
    const cohen = idOf(db, 'Hallelujah', 'Leonard Cohen');
    expect(several.err).toContain('several songs match "hallelujah"; nothing was rated.');
    expect(several.err).toContain(`--id ${String(cohen).padEnd(6)} Hallelujah — Leonard Cohen`);
    expect(several.err).toContain('Hallelujah — Jeff Buckley');
    const exact = await earshot(['rate', 'hallelujah jeff buckley', '5', '--db', db]);
    expect(exact.out).toMatch(/^Rated Hallelujah — Jeff Buckley/);
    const byId = await earshot(['rate', '--id', String(cohen), '3', '--db', db]);
    expect(byId.out).toBe(
      'Rated Hallelujah — Leonard Cohen (1984) ★★★☆☆. You have rated 2 songs.\n',
    );
  });

  it('says when nothing matches (exit 1) and refuses bad stars as usage (exit 2)', async () => {
    const db = copyDatabase(trained.path);
    expect(await earshot(['rate', 'zzqx no such song', '4', '--db', db])).toEqual({
      code: 1,
      out: '',
      err: 'earshot rate: no song matches "zzqx no such song"; nothing was rated.\n',
    });
    const stars = await earshot(['rate', 'jolene', '6', '--db', db]);
    expect(stars.code).toBe(2);
    expect(stars.err).toMatch(/^earshot rate: STARS must be a whole number from 1 to 5, got "6"\n/);
    expect((await earshot(['rate', 'jolene', '--db', db])).code).toBe(2);
    const unknown = await earshot(['rate', '--id', '999999', '4', '--db', db]);
    expect(unknown).toMatchObject({
      code: 1,
      err: 'earshot rate: There is no song with id 999999.\n',
    });
  });
});

describe('earshot ratings', () => {
  it('lists, sorts, searches and removes the ratings, as text and JSON', async () => {
    const db = copyDatabase(trained.path);
    expect((await earshot(['ratings', '--db', db])).out).toBe(
      'You have not rated any song yet. `earshot rate "QUERY" STARS` or `earshot recommend`.\n',
    );
    await earshot(['rate', 'jolene', '2', '--db', db]);
    await earshot(['rate', 'bohemian rhapsody', '5', '--db', db]);
    const listed = await earshot(['ratings', '--sort', 'stars', '--db', db]);
    expect(listed.out).toMatch(
      /^Your ratings, most stars first \(2\):\n {2}★★★★★ {2}--id \d+ +Bohemian Rhapsody — Queen \(1975\) · \d{4}-\d\d-\d\d\n {2}★★☆☆☆ {2}--id \d+ +Jolene — Dolly Parton/,
    );
    const page = await earshot(['ratings', '--sort', 'title', '--limit', '1', '--db', db]);
    expect(page.out).toContain('Your ratings, by title (1–1 of 2):');
    expect(page.out).toContain('…and 1 more: --offset 1\n');
    const json = JSON.parse(
      (await earshot(['ratings', '--search', 'dolly', '--json', '--db', db])).out,
    ) as ListRatingsResponse;
    expect(json).toMatchObject({ total: 1, listenerRatings: 2, setAside: 0 });
    const jolene = json.ratings[0].track.id;
    const removed = await earshot(['ratings', '--remove', String(jolene), '--db', db]);
    expect(removed.out).toBe(
      'Removed your rating of Jolene — Dolly Parton (1973) (★★☆☆☆). 1 rating left.\n',
    );
    const twice = await earshot(['ratings', '--remove', String(jolene), '--db', db]);
    expect(twice).toMatchObject({
      code: 1,
      err: `earshot ratings: You have not rated the song with id ${jolene}.\n`,
    });
    expect((await earshot(['ratings', '--sort', 'loudest', '--db', db])).code).toBe(2);
    expect((await earshot(['ratings', '--search', 'zzqx', '--db', db])).out).toBe(
      'None of your 1 rating matches.\n',
    );
  });
});
