import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../main/cli/main.ts';
import { openStore } from '../../main/core/store/store.ts';
import { defaultMovieLens100kPath } from '../../bench/lib/movielens.ts';
import { captureIo } from '../helpers/capture-io.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

/** MovieLens 100k is not in the repository; these tests run where it lies beside the project. */
const uData = process.env.EARSHOT_ML100K ?? defaultMovieLens100kPath;
const hasMovieLens = existsSync(uData);
if (!hasMovieLens) console.warn(`skipping the MovieLens 100k tests: ${uData} is absent`);

describe.skipIf(!hasMovieLens)('MovieLens 100k u.data, where present', () => {
  it('imports all 100,000 ratings at their 1–5 scale with no flag', async () => {
    const db = join(makeTempDir(), 'e.db');
    const io = captureIo();
    expect(await main(['import-ratings', uData, '--db', db], io)).toBe(0);
    expect(io.stdout()).toContain('Imported 100000 ratings by 943 listeners');
    const store = openStore(db);
    expect(store.tracks.count('placeholder')).toBe(1682);
    store.close();
  });

  it('evaluates BaselineOnly close to Surprise (RMSE 0.944, MAE 0.748 on 5 folds)', async () => {
    const io = captureIo();
    expect(await main(['evaluate', '--ratings', uData, '--algo', 'baseline', '--json'], io)).toBe(
      0,
    );
    const result = JSON.parse(io.stdout()) as { mean: { rmse: number; mae: number } };
    expect(result.mean.rmse).toBeGreaterThan(0.935);
    expect(result.mean.rmse).toBeLessThan(0.953);
    expect(result.mean.mae).toBeLessThan(0.76);
  });
});
