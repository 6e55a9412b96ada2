import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../main/cli/main.ts';
import type { RecommendResponse, Taste } from '../../main/core/contract/index.ts';
import { captureIo } from '../helpers/capture-io.ts';
import { buildTrainedDatabase, copyDatabase } from '../helpers/trained-store.ts';

let trained: Awaited<ReturnType<typeof buildTrainedDatabase>>;
beforeAll(async () => {
  trained = await buildTrainedDatabase(300);
});
afterAll(() => trained.remove());

async function earshot(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = captureIo({});
  const code = await main(args, io);
  return { code, out: io.stdout(), err: io.stderr() };
}

describe('earshot taste', () => {
  it('sets genres, eras and artists, keeps what is not given, and prints it', async () => {
    const db = copyDatabase(trained.path);
    const set = await earshot([
      'taste',
      '--db',
      db,
      '--like',
      'Folk, jazz',
      '--dislike',
      'metal',
      '--eras',
      '1970s,80s',
      '--artists',
      'nick drake',
    ]);
    expect(set).toMatchObject({ code: 0, err: '' });
    expect(set.out).toBe(
      [
        'Likes      folk, jazz',
        'Dislikes   metal',
        'Eras       1970s, 1980s',
        'Artists    Nick Drake',
        '',
      ].join('\n'),
    );
    const changed = await earshot(['taste', '--db', db, '--dislike', 'pop', '--json']);
    expect(JSON.parse(changed.out) as Taste).toEqual({
      likedGenres: ['folk', 'jazz'],
      dislikedGenres: ['pop'],
      decades: [1970, 1980],
      artists: ['Nick Drake'],
      skipped: false,
    });
  });

  it('is what `earshot picks` leans on before any rating', async () => {
    const db = copyDatabase(trained.path);
    await earshot(['taste', '--db', db, '--like', 'hip-hop']);
    const picks = await earshot(['picks', '--db', db, '--json']);
    const { recommendations } = JSON.parse(picks.out) as RecommendResponse;
    expect(
      recommendations.every((p) =>
        p.reasons.some((r) => r.kind === 'likedTrait' && r.trait === 'hip-hop'),
      ),
    ).toBe(true);
    const text = await earshot(['picks', '--db', db]);
    expect(text.out).toContain('because you like hip-hop');
  });

  it('forgets the taste with --clear and records a skip with --skip', async () => {
    const db = copyDatabase(trained.path);
    await earshot(['taste', '--db', db, '--like', 'rock']);
    const cleared = await earshot(['taste', '--db', db, '--clear', '--json']);
    expect((JSON.parse(cleared.out) as Taste).likedGenres).toEqual([]);
    const skipped = await earshot(['taste', '--db', db, '--skip']);
    expect(skipped.out).toContain('(The taste start was skipped.)');
  });

  it('refuses an unknown genre in one line (exit 1) and a malformed era as a usage error (exit 2)', async () => {
    const db = copyDatabase(trained.path);
    const unknown = await earshot(['taste', '--db', db, '--like', 'polka']);
    expect(unknown).toMatchObject({
      code: 1,
      err: 'earshot taste: likedGenres: no song in the catalog has "polka".\n',
    });
    const era = await earshot(['taste', '--db', db, '--eras', '1975']);
    expect(era.code).toBe(2);
    expect(era.err).toContain('--eras takes decades such as 1970s or 80s, got "1975"');
    const both = await earshot(['taste', '--db', db, '--clear', '--like', 'rock']);
    expect(both.code).toBe(2);
  });
});
