import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  importRatingsFile,
  importRatingsText,
} from '../../../../main/core/ratings/import/import-ratings.ts';
import { ImportError } from '../../../../main/core/ratings/import/import-error.ts';
import { guessRatingsFormat } from '../../../../main/core/ratings/import/rating-formats.ts';
import { openStore } from '../../../../main/core/store/store.ts';
import type { Store } from '../../../../main/core/store/store.ts';
import { makeTempDir, tempDbPath } from '../../../helpers/temp-dir.ts';

let store: Store;

beforeEach(() => {
  store = openStore(tempDbPath());
  store.tracks.upsertMany([
    {
      itemKey: 'queen--bohemian-rhapsody',
      source: 'catalog',
      title: 'Bohemian Rhapsody',
      artists: [{ name: 'Queen' }],
      genres: ['rock'],
    },
  ]);
  return () => store.close();
});

function thrownBy(work: () => unknown): ImportError {
  try {
    work();
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('expected an ImportError');
}

describe('importRatingsText', () => {
  it('imports a Surprise-style CSV, mapping known items and adding placeholders for the rest', () => {
    const csv =
      'userID,itemID,rating,timestamp\nalice,queen--bohemian-rhapsody,5,1000\nalice,42,3,1001\nbob,42,4.5,1002\n';
    const summary = importRatingsText(store, csv, 'r.csv');
    expect(summary).toMatchObject({
      imported: 3,
      users: 2,
      placeholders: 1,
      repeated: 0,
      skipped: [],
    });
    const alice = store.users.find('imported', 'alice')!;
    const queen = store.tracks.idsByItemKey().get('queen--bohemian-rhapsody')!;
    expect(store.ratings.forUser(alice.id)).toContainEqual({
      trackId: queen,
      rating: 5,
      ratedAt: 1000,
    });
    expect(store.tracks.count('placeholder')).toBe(1);
  });

  it('reads the three MovieLens layouts', () => {
    importRatingsText(store, '196\t242\t3\t881250949\n186\t302\t3\t891717742\n', 'u.data', {
      format: 'movielens',
    });
    importRatingsText(store, '1::1193::5::978300760\n1::661::3::978302109\n', 'ratings.dat', {
      format: 'movielens',
    });
    importRatingsText(
      store,
      'userId,movieId,rating,timestamp\n7,1,4.0,964982703\n',
      'ratings.csv',
      { format: 'movielens' },
    );
    expect(store.ratings.count()).toBe(5);
    expect(store.users.countByKind().imported).toBe(4);
  });

  it('keeps the last of repeated lines for the same user and item', () => {
    const summary = importRatingsText(store, 'userID,itemID,rating\n1,9,2\n1,9,5\n', 'r.csv');
    expect(summary).toMatchObject({ imported: 1, repeated: 1 });
    const user = store.users.find('imported', '1')!;
    expect(store.ratings.forUser(user.id)[0].rating).toBe(5);
  });

  it('imports nothing when a line is bad, and lists the bad lines with number and reason', () => {
    importRatingsText(store, 'userID,itemID,rating\nkeep,1,4\n', 'first.csv');
    const before = store.ratings.count();
    const csv = 'userID,itemID,rating\na,1,5\nb,2\nc,3,abc\nd,4,9\n\ne,5,4\n';
    const error = thrownBy(() => importRatingsText(store, csv, 'bad.csv'));
    expect(error.code).toBe('bad-rows');
    expect(error.badLines).toEqual([
      { line: 3, reason: 'expected 3 columns, found 2' },
      { line: 4, reason: 'rating "abc" is not a number (write a decimal such as 4 or 3.5)' },
      { line: 5, reason: 'rating 9 is outside the 1–5 scale' },
    ]);
    expect(error.message).toContain('bad.csv:4: rating "abc" is not a number');
    expect(store.ratings.count()).toBe(before);
    expect(store.users.find('imported', 'a')).toBeUndefined();
  });

  it('with skipBad imports the good lines and reports the rest', () => {
    const csv = 'userID,itemID,rating\na,1,5\nb,2\nc,3,4\n';
    const summary = importRatingsText(store, csv, 'r.csv', { skipBad: true });
    expect(summary.imported).toBe(2);
    expect(summary.skipped).toEqual([{ line: 3, reason: 'expected 3 columns, found 2' }]);
  });

  it('rejects an empty file and a header that names other columns', () => {
    expect(thrownBy(() => importRatingsText(store, '\n\n', 'e.csv')).code).toBe('empty');
    const header = thrownBy(() => importRatingsText(store, 'name,song,stars\nx,y,3\n', 'h.csv'));
    expect(header.code).toBe('bad-header');
    expect(header.message).toContain(
      'h.csv:1: header must name user, item and rating columns (as userID,itemID,rating[,timestamp])',
    );
  });
});

describe('importRatingsFile', () => {
  it('rejects UTF-16 and invalid UTF-8 with the file and line', () => {
    const dir = makeTempDir();
    const utf16 = join(dir, 'utf16.csv');
    writeFileSync(
      utf16,
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('u,i,rating\n', 'utf16le')]),
    );
    expect(thrownBy(() => importRatingsFile(store, utf16)).message).toContain(
      'utf16.csv is UTF-16',
    );
    const latin1 = join(dir, 'latin1.csv');
    writeFileSync(
      latin1,
      Buffer.concat([
        Buffer.from('u,i,rating\n1,2,3\nJos'),
        Buffer.from([0xe9]),
        Buffer.from(',2,3\n'),
      ]),
    );
    const error = thrownBy(() => importRatingsFile(store, latin1));
    expect(error.code).toBe('encoding');
    expect(error.message).toContain('latin1.csv:3: not UTF-8');
    expect(store.ratings.count()).toBe(0);
  });

  it('names a file that cannot be read', () => {
    const missing = join(makeTempDir(), 'nope.csv');
    const error = thrownBy(() => importRatingsFile(store, missing));
    expect(error.code).toBe('unreadable');
    expect(error.message).toContain(missing);
  });
});

describe('guessRatingsFormat', () => {
  it('knows MovieLens files by name and reads anything else as CSV', () => {
    expect(guessRatingsFormat('/data/ml-100k/u.data')).toBe('movielens');
    expect(guessRatingsFormat('C:\\ml\\u1.base')).toBe('movielens');
    expect(guessRatingsFormat('ml-1m/ratings.dat')).toBe('movielens');
    expect(guessRatingsFormat('exports/user_ratings.csv')).toBe('csv');
    expect(guessRatingsFormat('u.data.csv')).toBe('csv');
  });
});
