import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadEmbeddedCatalog } from '../../../main/core/catalog/embedded-catalog.ts';
import { ExportError } from '../../../main/core/export/export-error.ts';
import { exportData } from '../../../main/core/export/export-data.ts';
import { partialName } from '../../../main/core/export/export-target.ts';
import { applySimulation } from '../../../main/core/ratings/simulation.ts';
import { openStore } from '../../../main/core/store/store.ts';
import type { Store } from '../../../main/core/store/store.ts';
import { makeTempDir, tempDbPath } from '../../helpers/temp-dir.ts';

let store: Store;
beforeEach(() => {
  store = openStore(tempDbPath());
  loadEmbeddedCatalog(store);
  applySimulation(store, { mode: 'taste', listeners: 150, seed: 3 });
});
afterEach(() => store.close());

async function refusal(work: Promise<unknown>): Promise<ExportError> {
  try {
    await work;
  } catch (error) {
    if (error instanceof ExportError) return error;
    throw error;
  }
  throw new Error('expected an ExportError');
}

/** The pid of a process that has exited: nobody is writing under it any more. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0']);
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid!;
}

describe('exportData', () => {
  it('writes both files and leaves nothing else in the folder', async () => {
    const dir = makeTempDir();
    const summary = await exportData(store, dir);
    expect(readdirSync(dir).sort()).toEqual(['songs.csv', 'user_ratings.csv']);
    const ratings = readFileSync(summary.ratingsFile, 'utf8').trim().split('\n');
    expect(ratings).toHaveLength(summary.ratings + 1);
    expect(summary.ratings).toBe(store.ratings.count());
    expect(summary.ratings).toBeGreaterThan(1000);
  });

  it('refuses to replace existing files unless forced, and changes nothing when it refuses', async () => {
    const dir = makeTempDir();
    writeFileSync(join(dir, 'user_ratings.csv'), 'mine\n');
    const error = await refusal(exportData(store, dir));
    expect(error.code).toBe('exists');
    expect(error.message).toBe(
      `${join(dir, 'user_ratings.csv')} already exists; --force replaces it.`,
    );
    expect(readdirSync(dir)).toEqual(['user_ratings.csv']);
    expect(readFileSync(join(dir, 'user_ratings.csv'), 'utf8')).toBe('mine\n');
    await exportData(store, dir, { force: true });
    expect(readFileSync(join(dir, 'user_ratings.csv'), 'utf8')).toMatch(/^userID,itemID,rating\n/);
  });

  it('refuses a file given as the folder, naming it', async () => {
    const file = join(makeTempDir(), 'out.csv');
    writeFileSync(file, 'keep me');
    const error = await refusal(exportData(store, file));
    expect(error.code).toBe('not-a-folder');
    expect(error.message).toContain(file);
    expect(readFileSync(file, 'utf8')).toBe('keep me');
  });

  it('creates only the last folder of the path: a missing parent is an error', async () => {
    const dir = join(makeTempDir(), 'missing', 'out');
    const error = await refusal(exportData(store, dir));
    expect(error.message).toBe(`Cannot create the folder ${dir}: no such file or folder.`);
  });

  it.runIf(process.platform === 'linux')(
    'fails at once under /proc instead of spinning in a recursive mkdir',
    async () => {
      const error = await refusal(exportData(store, '/proc/earshot-export-test'));
      expect(error.code).toBe('cannot-write');
      expect(error.message).toMatch(/^Cannot create the folder \/proc\/earshot-export-test: /);
    },
    10_000,
  );

  it('when aborted half way, leaves no temporary file and the previous files as they were', async () => {
    const dir = makeTempDir();
    writeFileSync(join(dir, 'user_ratings.csv'), 'previous\n');
    expect(store.ratings.count()).toBeGreaterThan(5000); // more than one batch to abort between
    const controller = new AbortController();
    const aborted = exportData(store, dir, {
      force: true,
      signal: controller.signal,
      onProgress: ({ file }) => {
        if (file.endsWith('user_ratings.csv')) controller.abort();
      },
    });
    await expect(aborted).rejects.toMatchObject({ name: 'AbortError' });
    expect(readdirSync(dir).sort()).toEqual(['songs.csv', 'user_ratings.csv']);
    expect(readFileSync(join(dir, 'user_ratings.csv'), 'utf8')).toBe('previous\n');
  });

  it('clears what killed exports left behind, but not the work of one still running', async () => {
    const dir = makeTempDir();
    const stale = partialName(join(dir, 'user_ratings.csv'), await deadPid());
    const running = partialName(join(dir, 'user_ratings.csv'), process.ppid);
    const older = join(dir, 'songs.csv.partial');
    for (const path of [stale, running, older]) writeFileSync(path, 'half');
    writeFileSync(join(dir, '.unrelated.123.partial'), 'not ours');
    await exportData(store, dir);
    const left = readdirSync(dir).sort();
    expect(left).not.toContain(stale.slice(dir.length + 1));
    expect(left).not.toContain('songs.csv.partial');
    expect(left).toContain(running.slice(dir.length + 1));
    expect(left).toContain('.unrelated.123.partial');
  });
});
