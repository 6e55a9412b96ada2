import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../main/cli/main.ts';
import { LocalListener } from '../../main/core/app/local-listener.ts';
import { openStore } from '../../main/core/store/store.ts';
import { captureIo } from '../helpers/capture-io.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { syntheticCatalog } from '../helpers/synthetic-catalog.ts';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = captureIo();
  const code = await main(args, io);
  return { code, out: io.stdout(), err: io.stderr() };
}

describe('export then import-ratings --as-me', () => {
  it('restores your own ratings into another database, leaving the other listeners out', async () => {
    const dir = makeTempDir();
    const source = openStore(join(dir, 'a.db'));
    source.tracks.upsertMany(syntheticCatalog(20));
    const ids = source.tracks.idsByItemKey();
    new LocalListener(source).rate([
      { trackId: ids.get('synthetic-1')!, stars: 5 },
      { trackId: ids.get('synthetic-2')!, stars: 2 },
    ]);
    source.close();
    const other = join(dir, 'other.csv');
    writeFileSync(other, 'userID,itemID,rating\nzed,synthetic-3,4\n');
    expect((await run(['import-ratings', other, '--db', join(dir, 'a.db')])).code).toBe(0);
    expect((await run(['export', '--out', dir, '--db', join(dir, 'a.db')])).code).toBe(0);
    const exported = readFileSync(join(dir, 'user_ratings.csv'), 'utf8');
    expect(exported).toContain('earshot:me,synthetic-1,5');
    expect(exported).toContain('zed,synthetic-3,4');

    const target = openStore(join(dir, 'b.db'));
    target.tracks.upsertMany(syntheticCatalog(20));
    target.close();
    const restored = await run([
      'import-ratings',
      join(dir, 'user_ratings.csv'),
      '--as-me',
      '--db',
      join(dir, 'b.db'),
    ]);
    expect(restored.code).toBe(0);
    expect(restored.out).toContain('Imported 2 ratings as your own');
    expect(restored.out).toContain('1 rating of other listeners left out');
    const store = openStore(join(dir, 'b.db'));
    const me = new LocalListener(store);
    const byKey = new Map([...store.tracks.idsByItemKey()].map(([key, id]) => [id, key]));
    expect(me.ratings().map((r) => [byKey.get(r.trackId), r.rating])).toEqual([
      ['synthetic-1', 5],
      ['synthetic-2', 2],
    ]);
    expect(store.users.countByKind().imported).toBe(0);
    store.close();
  });

  it('refuses --as-me for a file of several listeners none of whom is marked', async () => {
    const dir = makeTempDir();
    const file = join(dir, 'many.csv');
    writeFileSync(file, 'userID,itemID,rating\nann,x,4\nben,y,3\n');
    const result = await run(['import-ratings', file, '--as-me', '--db', join(dir, 'e.db')]);
    expect(result.code).toBe(1);
    expect(result.err).toContain('holds 2 listeners and none is marked "earshot:me"');
  });
});

describe('import-ratings on real files', () => {
  it('stores MovieLens ratings.csv half stars exactly, 0.5 included', async () => {
    const dir = makeTempDir();
    const file = join(dir, 'ratings.csv');
    writeFileSync(file, 'userId,movieId,rating,timestamp\n1,1,0.5,964982703\n1,3,3.5,964981247\n');
    const result = await run(['import-ratings', file, '--db', join(dir, 'e.db')]);
    expect(result.code).toBe(0);
    const store = openStore(join(dir, 'e.db'));
    const user = store.users.find('imported', '1')!;
    expect(store.ratings.forUser(user.id).map((r) => r.rating)).toEqual([3.5, 0.5]);
    store.close();
  });

  it('maps a 1–10 scale onto half stars, and refuses a bad --scale', async () => {
    const dir = makeTempDir();
    const file = join(dir, 'rym.csv');
    writeFileSync(file, 'userID,itemID,rating\nann,x,10\nann,y,7\n');
    const result = await run([
      'import-ratings',
      file,
      '--scale',
      '1,10',
      '--db',
      join(dir, 'e.db'),
    ]);
    expect(result.out).toContain('(scale 1–10 mapped onto 0.5–5)');
    const store = openStore(join(dir, 'e.db'));
    const ann = store.users.find('imported', 'ann')!;
    expect(
      store.ratings
        .forUser(ann.id)
        .map((r) => r.rating)
        .sort(),
    ).toEqual([3.5, 5]);
    store.close();
    const bad = await run(['import-ratings', file, '--scale', '5,1', '--db', join(dir, 'e.db')]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--scale must be MIN,MAX with MIN < MAX');
  });

  it('reads a semicolon file with quoted fields', async () => {
    const dir = makeTempDir();
    const file = join(dir, 'excel.csv');
    writeFileSync(file, '"userID";"itemID";"rating"\r\n"ux1";"mx1";"4"\r\n');
    const result = await run(['import-ratings', file, '--db', join(dir, 'e.db')]);
    expect(result.out).toContain('Imported 1 rating by 1 listener');
  });
});

describe('earshot evaluate on real files', () => {
  function halfStarFile(path: string): void {
    const lines = ['userId,movieId,rating,timestamp'];
    for (let user = 0; user < 60; user++)
      for (let item = 0; item < 30; item++)
        if ((user * 7 + item * 3) % 4 !== 0)
          lines.push(
            `${user},${item},${user % 2 === item % 2 ? 4.5 : 1 + (item % 3) * 0.5},${964982703 + item}`,
          );
    lines.push(`1,999,0.5,964982703`);
    writeFileSync(path, lines.join('\n'));
  }

  it('reports on the 0.5–5 scale of a MovieLens ratings.csv', async () => {
    const file = join(makeTempDir(), 'ratings.csv');
    halfStarFile(file);
    const result = await run([
      'evaluate',
      '--ratings',
      file,
      '--algo',
      'baseline',
      '--folds',
      '3',
      '--json',
    ]);
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.out) as { ratingScale: unknown; mean: { rmse: number } };
    expect(parsed.ratingScale).toEqual({ min: 0.5, max: 5 });
    expect(parsed.mean.rmse).toBeLessThan(1.5);
  });

  it('skips bad lines with --skip-bad and says which', async () => {
    const file = join(makeTempDir(), 'ratings.csv');
    halfStarFile(file);
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n2,5,0x4,964982703\n`);
    expect((await run(['evaluate', '--ratings', file, '--algo', 'global-mean'])).code).toBe(1);
    const skipping = await run([
      'evaluate',
      '--ratings',
      file,
      '--algo',
      'global-mean',
      '--skip-bad',
    ]);
    expect(skipping.code).toBe(0);
    expect(skipping.err).toMatch(/Skipped 1 bad line:\n.*ratings\.csv:\d+: rating "0x4"/);
  });

  it('evaluates a database together with a file, and leaves the database unchanged', async () => {
    const dir = makeTempDir();
    const db = join(dir, 'e.db');
    const file = join(dir, 'ratings.csv');
    halfStarFile(file);
    const inDb = join(dir, 'first.csv');
    writeFileSync(inDb, 'userID,itemID,rating\nann,x,4\nann,y,2\nben,x,5\n');
    await run(['import-ratings', inDb, '--db', db]);
    const both = await run([
      'evaluate',
      '--db',
      db,
      '--ratings',
      file,
      '--algo',
      'global-mean',
      '--json',
    ]);
    expect(both.code).toBe(0);
    const fileLines = readFileSync(file, 'utf8').trim().split('\n').length - 1;
    expect(both.err).toContain('fold 5/5 done');
    const store = openStore(db);
    expect(store.ratings.count()).toBe(3);
    store.close();
    const parsed = JSON.parse(both.out) as { folds: { trainCount: number; testCount: number }[] };
    expect(parsed.folds[0].trainCount + parsed.folds[0].testCount).toBe(fileLines + 3);
  });
});
