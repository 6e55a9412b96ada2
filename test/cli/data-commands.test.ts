import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../main/cli/main.ts';
import { openStore } from '../../main/core/store/store.ts';
import { captureIo } from '../helpers/capture-io.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const bin = fileURLToPath(new URL('../../bin/earshot.js', import.meta.url));

describe('earshot pipeline', () => {
  it('fills a new database, leaves it unchanged on a second run, and exports both CSV files', async () => {
    const dir = makeTempDir();
    const db = join(dir, 'e.db');
    const first = captureIo();
    expect(await main(['pipeline', '--db', db, '--listeners', '200', '--seed', '7'], first)).toBe(
      0,
    );
    expect(first.stdout()).toMatch(/Catalog +\d{3} new tracks/);
    expect(first.stdout()).toMatch(/Ratings +created: \d+ ratings \(200 simulated listeners\)/);

    const second = captureIo();
    expect(
      await main(
        ['pipeline', '--db', db, '--listeners', '200', '--seed', '7', '--export', dir],
        second,
      ),
    ).toBe(0);
    expect(second.stdout()).toMatch(/Catalog +0 new tracks/);
    expect(second.stdout()).toContain('Ratings   unchanged');

    const songs = readFileSync(join(dir, 'songs.csv'), 'utf8').trim().split('\n');
    const ratings = readFileSync(join(dir, 'user_ratings.csv'), 'utf8').trim().split('\n');
    expect(songs[0]).toBe('itemID,title,artists,album,year,genres,spotify_url');
    expect(songs.length).toBeGreaterThan(600);
    expect(ratings[0]).toBe('userID,itemID,rating');
    expect(ratings.length).toBeGreaterThan(200 * 10);
  });

  it('reproduces the original uniform generator: 50 listeners, about 300 ratings', async () => {
    const db = join(makeTempDir(), 'e.db');
    const io = captureIo();
    expect(await main(['pipeline', '--db', db, '--ratings-mode', 'uniform'], io)).toBe(0);
    const stats = captureIo();
    await main(['stats', '--db', db, '--json'], stats);
    const parsed = JSON.parse(stats.stdout()) as {
      ratings: number;
      listeners: { simulated: number };
    };
    expect(parsed.listeners.simulated).toBe(50);
    expect(parsed.ratings).toBeGreaterThan(290);
    expect(parsed.ratings).toBeLessThanOrEqual(300);
  });
});

describe('earshot import-ratings', () => {
  it('imports a file and reports what it did', async () => {
    const dir = makeTempDir();
    const file = join(dir, 'r.csv');
    writeFileSync(file, 'userID,itemID,rating\nann,x1,5\nann,x2,3\nben,x1,4\n');
    const io = captureIo();
    expect(await main(['import-ratings', file, '--db', join(dir, 'e.db')], io)).toBe(0);
    expect(io.stdout()).toContain('Imported 3 ratings by 2 listeners');
    expect(io.stdout()).toContain('2 items not in the catalog added as placeholders');
  });

  it('exits 1 on bad lines, naming file, line and reason, and --skip-bad imports the rest, in the singular for one', async () => {
    const dir = makeTempDir();
    const file = join(dir, 'bad.csv');
    writeFileSync(file, 'userID,itemID,rating\nann,x1,5\nann,x2,six\n');
    const failing = captureIo();
    expect(await main(['import-ratings', file, '--db', join(dir, 'e.db')], failing)).toBe(1);
    expect(failing.stderr()).toContain('bad.csv:3: rating "six" is not a number');
    expect(failing.stderr()).toMatch(/: 1 of \d+ lines is bad,/);
    const skipping = captureIo();
    expect(
      await main(['import-ratings', file, '--skip-bad', '--db', join(dir, 'e.db')], skipping),
    ).toBe(0);
    expect(skipping.stdout()).toContain(
      'Imported 1 rating by 1 listener from ' +
        file +
        ' (1 item not in the catalog added as a placeholder)',
    );
    expect(skipping.stdout()).toContain('Skipped 1 bad line:');
  });
});

describe('earshot usage and errors', () => {
  it('exits 2 with usage on an unknown command or option', async () => {
    const unknown = captureIo();
    expect(await main(['fly'], unknown)).toBe(2);
    expect(unknown.stderr()).toContain('unknown command "fly"');
    const badOption = captureIo();
    expect(await main(['pipeline', '--listeners', 'many'], badOption)).toBe(2);
    expect(badOption.stderr()).toContain('--listeners must be a whole number');
  });

  it('names a --db that is not a database and leaves it alone', async () => {
    const path = join(makeTempDir(), 'notes.txt');
    writeFileSync(path, 'my shopping list, not a database\n'.repeat(100));
    const io = captureIo();
    expect(await main(['stats', '--db', path], io)).toBe(1);
    expect(io.stderr()).toContain(`${path} is not an Earshot database`);
    expect(readFileSync(path, 'utf8')).toContain('shopping list');
  });

  it('runs as a real process through bin/earshot.js, honouring EARSHOT_DB', () => {
    const db = join(makeTempDir(), 'env.db');
    openStore(db).close(); // stats reads a database; it creates none
    const output = execFileSync(process.execPath, [bin, 'stats'], {
      env: { ...process.env, EARSHOT_DB: db },
      encoding: 'utf8',
    });
    expect(output).toContain(`Database   ${db}`);
    expect(output).toContain('Tracks     0');
  });
});
