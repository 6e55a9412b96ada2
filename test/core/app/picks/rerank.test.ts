import { describe, expect, it } from 'vitest';
import { rerankPicks, resemblance } from '../../../../main/core/app/picks/rerank.ts';
import type { CandidateTraits } from '../../../../main/core/app/picks/rerank.ts';

const traits: Record<number, CandidateTraits> = {
  1: { primaryArtist: 'TLC', genres: ['r&b', 'pop'] },
  2: { primaryArtist: 'TLC', genres: ['r&b'] },
  3: { primaryArtist: 'Aaliyah', genres: ['r&b'] },
  4: { primaryArtist: 'Fugazi', genres: ['punk'] },
  5: { primaryArtist: 'Madonna', genres: ['pop'] },
};
const candidates = [1, 2, 3, 4, 5].map((trackId, rank) => ({
  trackId,
  score: 10 - rank,
  contributions: [],
}));
const traitsOf = (id: number) => traits[id];
const ids = (list: readonly { trackId: number }[]) => list.map((c) => c.trackId);

describe('resemblance', () => {
  it('is 1 for the same artist and the Jaccard overlap of genres otherwise', () => {
    expect(resemblance(traits[1], traits[2])).toBe(1);
    expect(resemblance(traits[1], traits[3])).toBeCloseTo(1 / 2, 12);
    expect(resemblance(traits[3], traits[4])).toBe(0);
  });
});

describe('rerankPicks', () => {
  it('keeps the ranker order at diversity 0, passing over a second song by the same artist', () => {
    expect(ids(rerankPicks(candidates, { count: 3, diversity: 0, traitsOf }))).toEqual([1, 3, 4]);
  });

  it('allows the same artist twice only when asked to', () => {
    const list = rerankPicks(candidates, {
      count: 3,
      diversity: 0,
      traitsOf,
      distinctArtists: false,
    });
    expect(ids(list)).toEqual([1, 2, 3]);
  });

  it('trades relevance for variety as diversity grows', () => {
    // At full diversity the second pick is the one least like the first (Fugazi's punk).
    expect(ids(rerankPicks(candidates, { count: 2, diversity: 1, traitsOf }))).toEqual([1, 4]);
  });

  it('holds back songs shown lately and keeps last list’s first pick off the top', () => {
    const penalised = rerankPicks(candidates, {
      count: 3,
      diversity: 0,
      traitsOf,
      penaltyOf: (id) => (id === 3 ? 0.9 : 0),
      notFirst: 1,
    });
    expect(ids(penalised)[0]).not.toBe(1);
    expect(ids(penalised)).not.toContain(3);
  });

  it('still fills the list when every candidate shares an artist', () => {
    const same = candidates.slice(0, 2);
    expect(ids(rerankPicks(same, { count: 2, diversity: 0, traitsOf }))).toEqual([1, 2]);
  });

  it('refuses a diversity outside 0 to 1', () => {
    expect(() => rerankPicks(candidates, { count: 1, diversity: 1.5, traitsOf })).toThrow(
      RangeError,
    );
  });
});
