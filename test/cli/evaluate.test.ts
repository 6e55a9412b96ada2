import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../main/cli/main.ts';
import { Prng } from '../../main/core/random.ts';
import { captureIo } from '../helpers/capture-io.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

/** Ratings from a planted taste: user u likes item i when they fall in the same of 4 groups. */
function plantedCsv(path: string): void {
  const random = new Prng(3);
  const lines = ['userID,itemID,rating'];
  for (let user = 0; user < 150; user++) {
    for (let item = 0; item < 80; item++) {
      if (random.nextFloat() > 0.4) continue;
      const base = user % 4 === item % 4 ? 4.5 : 2;
      const stars = Math.min(5, Math.max(1, Math.round(base + random.nextNormal(0, 0.5))));
      lines.push(`u${user},i${item},${stars}`);
    }
  }
  writeFileSync(path, lines.join('\n'));
}

interface Summary {
  mean: { rmse: number | null; mae: number | null; ndcg: number };
  ranking: Record<string, number | string>;
  calibration?: { stars: string; bins: { count: number }[] }[];
  folds: unknown[];
}

async function evaluate(args: string[]): Promise<Summary> {
  const io = captureIo();
  expect(await main(['evaluate', ...args, '--json'], io)).toBe(0);
  return JSON.parse(io.stdout()) as Summary;
}

describe('earshot evaluate', () => {
  it('cross-validates a ratings file, and SVD beats the global mean on planted taste', async () => {
    const file = join(makeTempDir(), 'planted.csv');
    plantedCsv(file);
    const svd = await evaluate([
      '--ratings',
      file,
      '--folds',
      '3',
      '--factors',
      '8',
      '--epochs',
      '60',
      '--lr',
      '0.02',
    ]);
    const mean = await evaluate(['--ratings', file, '--folds', '3', '--algo', 'global-mean']);
    expect(svd.folds).toHaveLength(3);
    expect(mean.mean.rmse).toBeGreaterThan(1);
    expect(svd.mean.rmse).toBeLessThan((mean.mean.rmse ?? 0) * 0.75);
  });

  it('gives each algorithm a full-catalog ranking object, and SVD stars a calibration table', async () => {
    const file = join(makeTempDir(), 'planted.csv');
    plantedCsv(file);
    const svd = await evaluate(['--ratings', file, '--folds', '3', '--algo', 'svd']);
    expect(Object.keys(svd.ranking)).toEqual([
      'protocol',
      'k',
      'precision',
      'recall',
      'ndcg',
      'hitRate',
      'map',
      'coverage',
      'novelty',
      'diversity',
    ]);
    expect(svd.ranking).toMatchObject({ protocol: 'full-catalog', k: 10 });
    expect(svd.calibration?.map((table) => table.stars)).toEqual(['clipped', 'calibrated']);
    expect(svd.calibration?.[0].bins).toHaveLength(8);
    const ease = await evaluate([
      '--ratings',
      file,
      '--folds',
      '3',
      '--algo',
      'ease',
      '--lambda',
      '20',
    ]);
    const popularity = await evaluate(['--ratings', file, '--folds', '3', '--algo', 'popularity']);
    // The planted taste is group-wise, so a ranking model finds far more than popularity.
    expect(ease.ranking.ndcg).toBeGreaterThan(2 * Number(popularity.ranking.ndcg));
    expect(ease.mean.rmse).toBeNull();
    expect(ease.calibration).toBeUndefined();
    const picks = await evaluate(['--ratings', file, '--folds', '3', '--algo', 'picks']);
    expect(picks.ranking.ndcg).toBeGreaterThan(Number(popularity.ranking.ndcg));
    expect(picks.calibration).toHaveLength(2);
  });

  it('keeps the rated-only protocol under --ranking-protocol, where nearly every list hits', async () => {
    const file = join(makeTempDir(), 'planted.csv');
    plantedCsv(file);
    const args = ['--ratings', file, '--folds', '3', '--algo', 'popularity'];
    const rated = await evaluate([...args, '--ranking-protocol', 'rated-only']);
    const full = await evaluate(args);
    expect(rated.ranking.protocol).toBe('rated-only');
    expect(rated.ranking.hitRate).toBeGreaterThan(0.9);
    expect(full.ranking.hitRate).toBeLessThan(Number(rated.ranking.hitRate));
  });

  it('prints a table like Surprise cross_validate', async () => {
    const file = join(makeTempDir(), 'planted.csv');
    plantedCsv(file);
    const io = captureIo();
    expect(
      await main(['evaluate', '--ratings', file, '--algo', 'baseline', '--folds', '2'], io),
    ).toBe(0);
    expect(io.stdout()).toMatch(/Fold 1 +Fold 2 +Mean +Std/);
    expect(io.stdout()).toMatch(/RMSE \(testset\) +\d\.\d{4}/);
  });

  it('rejects unknown algorithms', async () => {
    const unknown = captureIo();
    expect(await main(['evaluate', '--ratings', 'r.csv', '--algo', 'magic'], unknown)).toBe(2);
    expect(unknown.stderr()).toContain(
      '--algo must be one of svd, baseline, global-mean, popularity, ease, implicit-als, picks',
    );
  });
});
