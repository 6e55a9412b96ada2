import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../main/cli/main.ts';
import type { RecommendResponse } from '../../main/core/contract/index.ts';
import { openStore } from '../../main/core/store/store.ts';
import { captureIo } from '../helpers/capture-io.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { buildTrainedDatabase, copyDatabase } from '../helpers/trained-store.ts';

let trained: Awaited<ReturnType<typeof buildTrainedDatabase>>;
beforeAll(async () => {
  trained = await buildTrainedDatabase(300);
});
afterAll(() => trained.remove());

async function picks(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = captureIo({});
  const code = await main(['picks', ...args], io);
  return { code, out: io.stdout(), err: io.stderr() };
}

describe('earshot picks', () => {
  it('prints a simulated listener’s picks as JSON, none of them songs they rated', async () => {
    const db = copyDatabase(trained.path);
    const { code, out } = await picks(['--db', db, '--user', 'sim-00001', '--top', '4', '--json']);
    expect(code).toBe(0);
    const { recommendations } = JSON.parse(out) as RecommendResponse;
    expect(recommendations).toHaveLength(4);
    const store = openStore(db);
    const user = store.users.find('simulated', 'sim-00001')!;
    const rated = new Map(store.ratings.forUser(user.id).map((r) => [r.trackId, r.rating]));
    store.close();
    for (const pick of recommendations) {
      expect(rated.has(pick.track.id)).toBe(false);
      for (const reason of pick.reasons) {
        expect(rated.get(reason.track.id)).toBe(reason.stars);
        if (reason.kind === 'liked') expect(reason.stars).toBeGreaterThanOrEqual(4);
      }
    }
  });

  it('rates a song and waves off a pick for you, then leaves both out of the list', async () => {
    const db = copyDatabase(trained.path);
    const first = await picks(['--db', db, '--rate', '1=5', '--rate', '2=4', '--json']);
    expect(first.code).toBe(0);
    const before = (JSON.parse(first.out) as RecommendResponse).recommendations;
    const hidden = before[0].track.id;
    const second = await picks(['--db', db, '--not-interested', String(hidden), '--json']);
    const after = (JSON.parse(second.out) as RecommendResponse).recommendations;
    expect(after.map((p) => p.track.id)).not.toContain(hidden);
    expect(after.map((p) => p.track.id)).not.toContain(1);
    const text = await picks(['--db', db]);
    expect(text.out).toMatch(/^Picks for you:\n {2}1\. /);
    expect(text.out).toMatch(/predicted · /);
  });

  it('says plainly when the listener does not exist, and refuses feedback for someone else', async () => {
    const db = copyDatabase(trained.path);
    const missing = await picks(['--db', db, '--user', 'nobody']);
    expect(missing.code).toBe(1);
    expect(missing.err).toBe(
      'earshot picks: There is no imported or simulated listener "nobody".\n',
    );
    const mixed = await picks(['--db', db, '--user', 'sim-00001', '--rate', '1=5']);
    expect(mixed.code).toBe(2);
    expect(mixed.err).toContain('--rate and --not-interested change your own profile');
  });

  it('picks from an imported listening history alone, citing the songs played often', async () => {
    const db = copyDatabase(trained.path);
    const store = openStore(db);
    const played = store.tracks.list().slice(0, 4);
    store.close();
    const now = Math.floor(Date.now() / 1000);
    const listens = played.flatMap((track, t) =>
      Array.from({ length: 6 }, (_, play) => ({
        listened_at: now - 86_400 * (t * 7 + play + 1),
        track_metadata: { artist_name: track.artists[0], track_name: track.title },
      })),
    );
    const file = join(makeTempDir(), 'listens.jsonl');
    writeFileSync(file, listens.map((l) => JSON.stringify(l)).join('\n'));
    const io = captureIo({});
    expect(await main(['import-history', file, '--db', db], io)).toBe(0);

    const json = await picks(['--db', db, '--json']);
    const { recommendations } = JSON.parse(json.out) as RecommendResponse;
    const playedIds = new Set(played.map((t) => t.id));
    expect(recommendations.map((r) => r.track.id).filter((id) => playedIds.has(id))).toEqual([]);
    const reasons = recommendations.flatMap((r) => r.reasons);
    expect(reasons.length).toBeGreaterThan(0);
    for (const reason of reasons) {
      expect(reason).toMatchObject({ kind: 'played', stars: null, plays: 6 });
      expect(playedIds.has(reason.track.id)).toBe(true);
    }
    const text = await picks(['--db', db]);
    expect(text.out).toMatch(/because you often play .+ \(6 plays\)/);
  });
});
