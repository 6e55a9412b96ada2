import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../main/cli/main.ts';
import { loadEmbeddedCatalog } from '../../main/core/catalog/embedded-catalog.ts';
import { applySimulation } from '../../main/core/ratings/simulation.ts';
import { openStore } from '../../main/core/store/store.ts';
import { captureIo } from '../helpers/capture-io.ts';
import { earshotBin, startChild } from '../helpers/child-process.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';

let dataDir: string;
let db: string;
beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'earshot-export-'));
  db = join(dataDir, 'earshot.db');
  const store = openStore(db);
  loadEmbeddedCatalog(store);
  applySimulation(store, { mode: 'taste', listeners: 1000, seed: 5 });
  store.close();
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('earshot export', () => {
  it('--out naming an existing file: one line, exit 1, the file untouched', async () => {
    const file = join(makeTempDir(), 'existing.csv');
    writeFileSync(file, 'keep');
    const io = captureIo();
    expect(await main(['export', '--out', file, '--db', db], io)).toBe(1);
    expect(io.stderr()).toBe(
      `earshot export: ${file} is a file; give a folder to write songs.csv and user_ratings.csv into.\n`,
    );
    expect(readFileSync(file, 'utf8')).toBe('keep');
  });

  it('a second export into the same folder needs --force', async () => {
    const dir = makeTempDir();
    expect(await main(['export', '--out', dir, '--db', db], captureIo())).toBe(0);
    const again = captureIo();
    expect(await main(['export', '--out', dir, '--db', db], again)).toBe(1);
    expect(again.stderr()).toMatch(/already exist; --force replaces them\.\n$/);
    expect(await main(['export', '--out', dir, '--db', db, '--force'], captureIo())).toBe(0);
  });

  it('stopped by SIGTERM while it writes, leaves no partial file behind', async () => {
    const dir = makeTempDir();
    const child = startChild(earshotBin, ['export', '--out', dir, '--db', db]);
    // Wait until it is writing the ratings (its first progress line), then stop it.
    while (!/Writing .*user_ratings\.csv/.test(child.stderr())) {
      if (child.process.exitCode !== null) break;
      await new Promise((resolve) => child.process.stderr.once('data', resolve));
    }
    child.process.kill('SIGTERM');
    const code = await child.exited;
    // Either it was interrupted (143, with a line saying so) or it had just finished (0).
    expect([0, 143]).toContain(code);
    if (code === 143) expect(child.stderr()).toContain('interrupted (SIGTERM)');
    expect(readdirSync(dir).filter((name) => name.endsWith('.partial'))).toEqual([]);
    expect(existsSync(join(dir, 'user_ratings.csv'))).toBe(code === 0);
  }, 60_000);
});
