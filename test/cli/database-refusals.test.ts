import Sqlite from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../main/cli/main.ts';
import { captureIo } from '../helpers/capture-io.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const hashOf = (path: string): string =>
  createHash('sha256').update(readFileSync(path)).digest('hex');

describe('earshot and databases that are not its own', () => {
  it('stats --db on another app’s database: one line, exit 1, the file byte-identical', async () => {
    const dir = makeTempDir();
    const other = join(dir, 'other.db');
    const db = new Sqlite(other);
    db.pragma('journal_mode = DELETE');
    db.exec(
      "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO users VALUES (1, 'x')",
    );
    db.close();
    const before = hashOf(other);
    for (const command of ['stats', 'pipeline', 'import-ratings']) {
      const io = captureIo();
      const args =
        command === 'import-ratings' ? [command, other, '--db', other] : [command, '--db', other];
      expect(await main(args, io), command).toBe(1);
      expect(io.stderr()).toMatch(
        new RegExp(
          `^earshot ${command}: .*other\\.db is another application's SQLite database: it has tables users\\. Earshot leaves it untouched; use another --db\\.\\n$`,
        ),
      );
    }
    expect(hashOf(other)).toBe(before);
    expect(readdirSync(dir)).toEqual(['other.db']);
  });

  it('stats and export refuse a database that does not exist, and create none', async () => {
    const db = join(makeTempDir(), 'earshot.db');
    for (const args of [['stats'], ['export', '--out', makeTempDir()], ['evaluate']]) {
      const io = captureIo();
      expect(await main([...args, '--db', db], io), args[0]).toBe(1);
      expect(io.stderr()).toContain(`There is no Earshot database at ${db}.`);
      expect(existsSync(db)).toBe(false);
    }
  });

  it('refuses --db in a folder that does not exist, even for commands that create data', async () => {
    const typo = join(makeTempDir(), 'typo', 'x.db');
    const io = captureIo();
    expect(await main(['pipeline', '--db', typo], io)).toBe(1);
    expect(io.stderr()).toMatch(
      /^earshot pipeline: Cannot use .*typo\/x\.db: the folder .*typo does not exist\./,
    );
    expect(existsSync(join(typo, '..'))).toBe(false);
  });

  it('says when a command made a new database', async () => {
    const db = join(makeTempDir(), 'new.db');
    const file = join(makeTempDir(), 'r.csv');
    writeFileSync(file, 'userID,itemID,rating\nann,x1,5\n');
    const io = captureIo();
    expect(await main(['import-ratings', file, '--db', db], io)).toBe(0);
    expect(io.stderr()).toContain(`Created a new Earshot database at ${db}`);
    const again = captureIo();
    expect(await main(['import-ratings', file, '--db', db], again)).toBe(0);
    expect(again.stderr()).not.toContain('Created');
  });
});
