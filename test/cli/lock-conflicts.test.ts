import Sqlite from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../main/core/store/store.ts';
import { earshotBin, helperPath, startChild } from '../helpers/child-process.ts';
import type { Child } from '../helpers/child-process.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const started: Child[] = [];
afterEach(() => {
  for (const child of started.splice(0)) child.process.kill('SIGKILL');
});

function start(script: string, args: string[], env: NodeJS.ProcessEnv = {}): Child {
  const child = startChild(script, args, env);
  started.push(child);
  return child;
}

/** An existing, empty Earshot database and another process holding its write lock. */
async function lockedDatabase(): Promise<{ db: string; holder: Child }> {
  const db = join(makeTempDir(), 'earshot.db');
  openStore(db).close();
  const holder = start(helperPath('lock-holder.ts'), [db]);
  await holder.waitFor('locked');
  return { db, holder };
}

function count(db: string, sql: string): unknown {
  const check = new Sqlite(db, { readonly: true });
  try {
    return check.prepare(sql).pluck().get();
  } finally {
    check.close();
  }
}

/** Resolves once `child` has written `text` to stderr. */
async function stderrShows(child: Child, text: string): Promise<void> {
  while (!child.stderr().includes(text)) {
    if (child.process.exitCode !== null) throw new Error(`exited: ${child.stderr()}`);
    await new Promise((resolve) => child.process.stderr.once('data', resolve));
  }
}

describe('a command that finds the database locked by another process', () => {
  it('pipeline waits for the other writer to finish, then does its work', async () => {
    const { db, holder } = await lockedDatabase();
    const pipeline = start(earshotBin, ['pipeline', '--db', db, '--listeners', '30']);
    // It reached its first write while the lock is still held; now let the other one commit.
    await stderrShows(pipeline, 'Loading the embedded catalog');
    holder.process.stdin.write('go\n');
    await holder.waitFor('released');
    expect(await pipeline.exited, pipeline.stderr()).toBe(0);
    expect(pipeline.stderr()).not.toContain('SqliteError');
    expect(count(db, 'SELECT count(*) FROM tracks')).toBeGreaterThan(600);
    expect(count(db, "SELECT count(*) FROM settings WHERE key = 'holder'")).toBe(1);
  }, 120_000);

  it('import-ratings gives up after EARSHOT_LOCK_TIMEOUT in one line, having written nothing', async () => {
    const { db, holder } = await lockedDatabase();
    const file = join(makeTempDir(), 'r.csv');
    writeFileSync(file, 'userID,itemID,rating\nann,x1,5\nann,x2,3\nben,x1,4\n');
    const env = { EARSHOT_LOCK_TIMEOUT: '0.5' };
    const gaveUp = start(earshotBin, ['import-ratings', file, '--db', db], env);
    expect(await gaveUp.exited).toBe(1);
    // Progress lines, then one line that says what happened: no stack trace.
    const lines = gaveUp.stderr().trim().split('\n');
    expect(lines.at(-1)).toMatch(/^earshot import-ratings: .*earshot\.db is busy: another process/);
    expect(lines.filter((line) => !/^parsing ratings/.test(line))).toHaveLength(1);
    holder.process.stdin.write('go\n');
    await holder.waitFor('released');
    expect(count(db, 'SELECT count(*) FROM ratings')).toBe(0);
    expect(count(db, "SELECT count(*) FROM users WHERE kind = 'imported'")).toBe(0);
    // Nothing was half-done: the same command now imports everything.
    const again = start(earshotBin, ['import-ratings', file, '--db', db], env);
    expect(await again.exited, again.stderr()).toBe(0);
    expect(count(db, 'SELECT count(*) FROM ratings')).toBe(3);
  }, 60_000);
});
