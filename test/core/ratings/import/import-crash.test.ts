import Sqlite from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  importRatingsFile,
  importRatingsText,
} from '../../../../main/core/ratings/import/import-ratings.ts';
import { openStore } from '../../../../main/core/store/store.ts';
import { makeTempDir } from '../../../helpers/temp-dir.ts';

const childScript = fileURLToPath(new URL('../../../helpers/import-child.ts', import.meta.url));

function bigCsv(rows: number): string {
  const lines = ['userID,itemID,rating'];
  for (let i = 0; i < rows; i++) lines.push(`u${i % 4000},m${Math.floor(i / 4000)},${1 + (i % 5)}`);
  return lines.join('\n');
}

/** Runs the import in a child and kills it with SIGKILL once it reports rows written. */
function importAndKill(dbPath: string, csvPath: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childScript, dbPath, csvPath], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      if (/^writing [1-9]/m.test(output)) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => resolve(`${signal ?? 'exit'}\n${output}`));
  });
}

describe('an import killed with SIGKILL mid-write', () => {
  it('leaves a database that opens, passes integrity_check and holds none of that import', async () => {
    const dir = makeTempDir();
    const dbPath = join(dir, 'earshot.db');
    const csvPath = join(dir, 'big.csv');
    writeFileSync(csvPath, bigCsv(400_000));
    const seeded = openStore(dbPath);
    importRatingsText(seeded, 'userID,itemID,rating\nearlier,1,4\nearlier,2,5\n', 'earlier.csv');
    seeded.close();

    const outcome = await importAndKill(dbPath, csvPath);
    expect(outcome.split('\n')[0]).toBe('SIGKILL');
    expect(outcome).not.toContain('done');

    const raw = new Sqlite(dbPath);
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    raw.close();
    const store = openStore(dbPath);
    expect(store.ratings.count()).toBe(2);
    expect(store.users.countByKind().imported).toBe(1);
    // The same import run to the end afterwards lands whole.
    const summary = importRatingsFile(store, csvPath);
    expect(store.ratings.count()).toBe(2 + summary.imported);
    expect(summary.imported).toBeGreaterThan(300_000);
    store.close();
  });
});
