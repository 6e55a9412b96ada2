import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../main/cli/main.ts';
import { writeModelParameters } from '../../main/core/app/model-parameters.ts';
import { openStore } from '../../main/core/store/store.ts';
import { captureIo } from '../helpers/capture-io.ts';
import { tempDbPath } from '../helpers/temp-dir.ts';
import { buildTrainedDatabase, copyDatabase } from '../helpers/trained-store.ts';

let trained: Awaited<ReturnType<typeof buildTrainedDatabase>>;
beforeAll(async () => {
  trained = await buildTrainedDatabase(300);
});
afterAll(() => trained.remove());

describe('earshot recommend', () => {
  it('reads ratings from piped input, swaps a song for 0, re-asks on nonsense, prints the top K', async () => {
    const db = copyDatabase(trained.path);
    const io = captureIo({}, '5\n0\nmaybe\n4\n3\n1\n2\n');
    expect(await main(['recommend', '--db', db, '--rate', '5', '--top', '4'], io)).toBe(0);
    const out = io.stdout();
    expect(out.match(/\[1\/5\]/g)).toHaveLength(1);
    expect(out.match(/\[2\/5\]/g)).toHaveLength(3); // asked, swapped, re-asked after "maybe"
    expect(out).toContain('"maybe" is not a rating');
    expect(out).toContain('Your top 4, the likeliest first:');
    expect(out.match(/predicted/g)).toHaveLength(4);
    expect(out).toMatch(/https:\/\/open\.spotify\.com\/search\//);
    const store = openStore(db);
    const me = store.users.find('local', 'me')!;
    expect(
      store.ratings
        .forUser(me.id)
        .map((r) => r.rating)
        .sort(),
    ).toEqual([1, 3, 4, 5, 2].sort());
    store.close();
  });

  it('exits non-zero, saving nothing, when input ends early', async () => {
    const db = copyDatabase(trained.path);
    const before = openStore(db);
    const rated = before.ratings.count();
    before.close();
    const io = captureIo({}, '5\n4\n');
    expect(await main(['recommend', '--db', db], io)).toBe(1);
    expect(io.stderr()).toContain('input ended before all 5 songs were rated; nothing was saved');
    const store = openStore(db);
    const me = store.users.find('local', 'me');
    expect(me === undefined ? [] : store.ratings.forUser(me.id)).toEqual([]);
    expect(store.ratings.count()).toBe(rated);
    store.close();
  });
});

describe('earshot recommend speaks of one song in the singular', () => {
  it('asks to rate 1 song, and says the song was not rated when input ends', async () => {
    const db = copyDatabase(trained.path);
    const io = captureIo({}, '');
    expect(await main(['recommend', '--db', db, '--rate', '1'], io)).toBe(1);
    expect(io.stdout()).toContain("Rate 1 song from 1 to 5 stars, or 0 if you don't know one.");
    expect(io.stderr()).toContain('input ended before the song was rated; nothing was saved');
  });
});

describe('every face trains the same model', () => {
  it('earshot pipeline trains with the saved model parameters, and recommend loads that model', async () => {
    const db = tempDbPath();
    const store = openStore(db);
    writeModelParameters(store, { factors: 4, epochs: 3 });
    store.close();
    expect(await main(['pipeline', '--db', db, '--listeners', '100'], captureIo())).toBe(0);
    const trained = openStore(db);
    expect(trained.models.latestInfo('svd')?.params).toMatchObject({ factors: 4, epochs: 3 });
    trained.close();

    const io = captureIo({}, '5\n4\n3\n2\n1\n');
    expect(await main(['recommend', '--db', db], io)).toBe(0);
    expect(io.stderr()).not.toContain('Training the model');
  }, 30_000);
});
