import { describe, expect, it } from 'vitest';
import { fingerprintRatings } from '../../../main/core/recommender/storage/fingerprint.ts';
import {
  encodeModel,
  ModelCodecError,
} from '../../../main/core/recommender/storage/model-codec.ts';
import { decodeModel } from '../../../main/core/recommender/storage/model-decode.ts';
import { loadModel, saveModel } from '../../../main/core/recommender/storage/model-store.ts';
import { fitSvd } from '../../../main/core/recommender/algorithms/svd.ts';
import { predictRating } from '../../../main/core/recommender/algorithms/svd-model.ts';
import { openStore } from '../../../main/core/store/store.ts';
import { tempDbPath } from '../../helpers/temp-dir.ts';
import { plantedRatings } from './planted-ratings.ts';

const data = plantedRatings({ users: 30, items: 20, density: 0.5, rank: 2, noise: 0.3, seed: 3 });
const model = fitSvd(data, { factors: 7, epochs: 3, seed: 5, lrQi: 0.01 });
const metrics = {
  trainRmse: 0.9,
  epochs: 3,
  fitSeconds: 0.01,
  ratingCount: data.ratings.length,
  userCount: 30,
  itemCount: 20,
};

function codeOf(work: () => unknown): string | undefined {
  try {
    work();
  } catch (error) {
    return error instanceof ModelCodecError ? error.code : 'other';
  }
  return undefined;
}

describe('model codec', () => {
  it('round-trips every number and option, even from an unaligned view', () => {
    const payload = encodeModel(model);
    const shifted = new Uint8Array(payload.length + 3);
    shifted.set(payload, 3);
    const decoded = decodeModel(shifted.subarray(3));
    expect(decoded).toEqual(model);
    expect(predictRating(decoded, 1001, 5001)).toEqual(predictRating(model, 1001, 5001));
  });

  it('rejects foreign, newer, truncated or inconsistent payloads with a code', () => {
    const payload = encodeModel(model);
    expect(codeOf(() => decodeModel(new TextEncoder().encode('SQLite format 3')))).toBe(
      'not-a-model',
    );
    const newer = payload.slice();
    newer[4] = 2;
    expect(codeOf(() => decodeModel(newer))).toBe('unsupported-version');
    expect(codeOf(() => decodeModel(payload.subarray(0, payload.length - 4)))).toBe('corrupt');
    const badHeader = payload.slice();
    badHeader[12] = 0x5b; // '[' where '{' was
    expect(codeOf(() => decodeModel(badHeader))).toBe('corrupt');
  });
});

describe('fingerprintRatings', () => {
  it('is stable for equal ratings and changes with any one value', () => {
    const copy = {
      userIds: data.userIds.slice(),
      trackIds: data.trackIds.slice(),
      ratings: data.ratings.slice(),
    };
    const print = fingerprintRatings(data);
    expect(print).toMatch(/^ratings-v1:[0-9a-f]{64}$/);
    expect(fingerprintRatings(copy)).toBe(print);
    copy.ratings[17] += 1;
    expect(fingerprintRatings(copy)).not.toBe(print);
    expect(
      fingerprintRatings({
        ...data,
        trackIds: data.trackIds.map((id) => (id === 5003 ? 5099 : id)),
      }),
    ).not.toBe(print);
  });
});

describe('model store', () => {
  it('loads the saved model while the fingerprint and options match, and says why not otherwise', () => {
    const store = openStore(tempDbPath());
    try {
      const print = fingerprintRatings(data);
      expect(loadModel(store.models, print)).toEqual({ status: 'missing' });
      const id = saveModel(store.models, model, print, metrics);
      const loaded = loadModel(store.models, print, { factors: 7, epochs: 3, seed: 5, lrQi: 0.01 });
      expect(loaded.status).toBe('loaded');
      if (loaded.status !== 'loaded') return;
      expect(loaded.id).toBe(id);
      expect(loaded.model).toEqual(model);
      expect(loaded.metrics).toEqual(metrics);
      expect(loadModel(store.models, 'ratings-v1:other')).toEqual({
        status: 'stale',
        reason: 'ratings',
      });
      expect(loadModel(store.models, print, { factors: 8 })).toEqual({
        status: 'stale',
        reason: 'options',
      });
      store.models.save({
        algorithm: 'svd',
        params: {},
        seed: 0,
        metrics: {},
        fingerprint: print,
        payload: Uint8Array.of(1, 2, 3),
      });
      expect(loadModel(store.models, print)).toMatchObject({
        status: 'unreadable',
        error: { code: 'not-a-model' },
      });
    } finally {
      store.close();
    }
  });
});
