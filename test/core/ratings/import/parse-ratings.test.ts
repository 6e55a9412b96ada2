import { describe, expect, it } from 'vitest';
import { parseRatings } from '../../../../main/core/ratings/import/parse-ratings.ts';
import type { ParseRatingsOptions } from '../../../../main/core/ratings/import/parse-ratings.ts';
import type { ParsedRatings } from '../../../../main/core/ratings/import/rating-formats.ts';

function rows(parsed: ParsedRatings): [string, string, number, number][] {
  return Array.from({ length: parsed.count }, (_, r) => [
    parsed.userKeys[parsed.userIndex[r]],
    parsed.itemKeys[parsed.itemIndex[r]],
    parsed.ratings[r],
    parsed.timestamps[r],
  ]);
}

function parse(text: string, options: ParseRatingsOptions = {}): ParsedRatings {
  return parseRatings(text, 'r.csv', options);
}

describe('parseRatings reads CSV as RFC 4180', () => {
  it('unquotes quoted fields, as Excel and pandas write them', () => {
    const parsed = parse('"userID","itemID","rating"\n"ux1","mx1","4"\n');
    expect(rows(parsed)).toEqual([['ux1', 'mx1', 4, -1]]);
    expect(parsed.bad).toEqual([]);
  });

  it('reads doubled quotes as one quote and delimiters inside quotes as text', () => {
    const parsed = parse('userID,itemID,rating\n"bo""b","a,b",5\n');
    expect(rows(parsed)).toEqual([['bo"b', 'a,b', 5, -1]]);
  });

  it('reads line breaks inside quotes and still numbers later lines right', () => {
    const text = 'userID,title,itemID,rating\nann,"Line one\nline two",x1,4\nben,"plain",x2,oops\n';
    const parsed = parse(text);
    expect(rows(parsed)).toEqual([['ann', 'x1', 4, -1]]);
    expect(parsed.bad).toEqual([{ line: 4, reason: expect.stringContaining('"oops"') as string }]);
  });

  it('skips a byte-order mark and reads CRLF line ends', () => {
    const parsed = parse('\uFEFFuserID,itemID,rating\r\nann,x1,3\r\nben,x2,5\r\n');
    expect(rows(parsed)).toEqual([
      ['ann', 'x1', 3, -1],
      ['ben', 'x2', 5, -1],
    ]);
  });

  it('detects semicolon and tab delimiters, and takes a given one', () => {
    expect(rows(parse('userID;itemID;rating\nann;x1;4,5\n', {}))).toEqual([]);
    expect(rows(parse('user;item;rating\nann;x1;4\n'))).toEqual([['ann', 'x1', 4, -1]]);
    expect(rows(parse('ann\tx1\t2\n'))).toEqual([['ann', 'x1', 2, -1]]);
    expect(rows(parse('ann|x1|2\n', { delimiter: '|' }))).toEqual([['ann', 'x1', 2, -1]]);
  });

  it('says which delimiter it used when a line has one column', () => {
    const parsed = parse('ann|x1|2\n');
    expect(parsed.bad[0].reason).toContain('found 1 (the delimiter was ","; give --delimiter');
  });

  it('reports a stray quote with its line and reads the other lines', () => {
    const parsed = parse('userID,itemID,rating\nann,x1,4\nben,x2",3\ncat,x3,5\n');
    expect(parsed.bad).toEqual([
      { line: 3, reason: expect.stringContaining('not valid CSV') as string },
    ]);
    expect(parsed.count).toBe(2);
  });

  it('says where a quote that is never closed opens', () => {
    const parsed = parse('userID,itemID,rating\nann,x1,4\nben,"x2"z,3\ncat,x3,5\n');
    expect(parsed.bad.map((b) => b.line)).toEqual([3, 3]);
    expect(parsed.bad[1].reason).toContain('never closed');
  });

  it('maps columns by their header names, in any order, ignoring others', () => {
    const parsed = parse(',timestamp,rating,itemId,userId\n0,1000,3.5,x1,ann\n');
    expect(rows(parsed)).toEqual([['ann', 'x1', 3.5, 1000]]);
  });
});

describe('parseRatings checks values strictly', () => {
  it.each([
    ['0x4', 'is not a number'],
    ['0b11', 'is not a number'],
    ['Infinity', 'is not a number'],
    ['4e0', 'is not a number'],
    ['', 'is not a number'],
    ['3.14159', 'has more than 2 decimals'],
  ])('refuses the rating "%s"', (rating, reason) => {
    const parsed = parse(`userID,itemID,rating\nann,x1,${rating}\n`);
    expect(parsed.count).toBe(0);
    expect(parsed.bad[0].line).toBe(2);
    expect(parsed.bad[0].reason).toContain(reason);
  });

  it('accepts a half star, two decimals and trailing zeros', () => {
    expect(rows(parse('ann,x1,4.5\nann,x2,3.25\nann,x3,4.000\n')).map((r) => r[2])).toEqual([
      4.5, 3.25, 4,
    ]);
  });

  it.each(['a\u0000b', 'tab\there', 'bell\u0007'])(
    'refuses an id with a control character',
    (id) => {
      const parsed = parse(`userID,itemID,rating\n"${id}",x1,4\n`);
      expect(parsed.bad[0].reason).toContain('contains a control character');
    },
  );

  it('reads times as seconds, milliseconds or ISO 8601', () => {
    const text =
      'userID,itemID,rating,timestamp\na,1,4,978300760\na,2,4,978300760123\na,3,4,2001-01-01T00:12:40Z\na,4,4,2001-01-01 01:12:40+01:00\n';
    expect(rows(parse(text)).map((r) => r[3])).toEqual([
      978300760, 978300760, 978307960, 978307960,
    ]);
  });

  it.each([
    ['1e300', 'is not Unix seconds'],
    ['1700000000000000000', 'microseconds or nanoseconds'],
    ['-5', 'before 1970'],
    ['2024-02-30', 'not a real date'],
    ['yesterday', 'is not Unix seconds'],
  ])('refuses the time "%s" with its line, without crashing', (time, reason) => {
    const parsed = parse(`userID,itemID,rating,timestamp\na,1,4,${time}\n`);
    expect(parsed.bad).toEqual([{ line: 2, reason: expect.stringContaining(reason) as string }]);
  });
});

describe('parseRatings knows rating scales', () => {
  it('reads MovieLens ratings.csv at its own 0.5–5 scale, with no flag', () => {
    const parsed = parse('userId,movieId,rating,timestamp\n1,1,0.5,964982703\n1,3,4.0,964981247\n');
    expect(parsed.scale).toEqual({ min: 0.5, max: 5 });
    expect(rows(parsed).map((r) => r[2])).toEqual([0.5, 4]);
  });

  it('reads u.data and ratings.dat at 1–5', () => {
    const data = parseRatings('196\t242\t3\t881250949\n', 'u.data', { format: 'movielens' });
    const dat = parseRatings('1::1193::5::978300760\n', 'ratings.dat', { format: 'movielens' });
    expect([data.scale, dat.scale]).toEqual([
      { min: 1, max: 5 },
      { min: 1, max: 5 },
    ]);
    expect(dat.count).toBe(1);
  });

  it('refuses 0.5 on the default 1–5 scale with a hint, and takes --scale', () => {
    expect(parse('ann,x1,0.5\n').bad[0].reason).toBe(
      'rating 0.5 is outside the 1–5 scale (half stars from 0.5? give --scale 0.5,5)',
    );
    const tenPoint = parse('ann,x1,10\nann,x2,1\n', { scale: { min: 1, max: 10 } });
    expect(tenPoint.bad).toEqual([]);
    expect(tenPoint.scale).toEqual({ min: 1, max: 10 });
  });
});
