import { afterEach, describe, expect, it } from 'vitest';
import {
  freshness,
  PickHistory,
  ratingsKey,
} from '../../../../main/core/app/picks/pick-history.ts';
import { openStore } from '../../../../main/core/store/store.ts';
import type { Store } from '../../../../main/core/store/store.ts';
import { makeTempDir } from '../../../helpers/temp-dir.ts';
import { join } from 'node:path';

let store: Store | undefined;
afterEach(() => store?.close());

describe('PickHistory', () => {
  it('judges a new list against earlier rounds but a repeat request against the same ones', () => {
    store = openStore(join(makeTempDir(), 'earshot.db'));
    const history = new PickHistory(store);
    history.record('a', [1, 2, 3]);
    expect(history.before('b')).toEqual([{ key: 'a', trackIds: [1, 2, 3] }]);
    history.record('b', [4, 5, 6]);
    // Asking again under the same ratings (a reload) sees what the first ask saw.
    expect(history.before('b')).toEqual([{ key: 'a', trackIds: [1, 2, 3] }]);
    history.record('b', [4, 5, 6]);
    expect(history.before('c').map((r) => r.key)).toEqual(['a', 'b']);
  });

  it('keeps the last five rounds in the database', () => {
    const path = join(makeTempDir(), 'earshot.db');
    store = openStore(path);
    const history = new PickHistory(store);
    for (let round = 0; round < 8; round++) history.record(`k${round}`, [round]);
    store.close();
    store = openStore(path);
    expect(new PickHistory(store).before('new').map((r) => r.key)).toEqual([
      'k3',
      'k4',
      'k5',
      'k6',
      'k7',
    ]);
  });
});

describe('ratingsKey', () => {
  it('changes when a rating or a hide changes, not with their order', () => {
    const a = ratingsKey(
      [
        { trackId: 1, rating: 5 },
        { trackId: 2, rating: 1 },
      ],
      [],
    );
    expect(
      ratingsKey(
        [
          { trackId: 2, rating: 1 },
          { trackId: 1, rating: 5 },
        ],
        [],
      ),
    ).toBe(a);
    expect(
      ratingsKey(
        [
          { trackId: 1, rating: 4 },
          { trackId: 2, rating: 1 },
        ],
        [],
      ),
    ).not.toBe(a);
    expect(
      ratingsKey(
        [
          { trackId: 1, rating: 5 },
          { trackId: 2, rating: 1 },
        ],
        [9],
      ),
    ).not.toBe(a);
  });
});

describe('freshness', () => {
  it('penalises each showing in the last three rounds and bars the last first pick from the top', () => {
    const { penaltyOf, notFirst } = freshness([
      { trackIds: [9] },
      { trackIds: [1, 2] },
      { trackIds: [1, 3] },
      { trackIds: [4, 1] },
    ]);
    expect(penaltyOf(1)).toBeCloseTo(0.6, 12);
    expect(penaltyOf(9)).toBe(0);
    expect(penaltyOf(5)).toBe(0);
    expect(notFirst).toBe(4);
  });
});
