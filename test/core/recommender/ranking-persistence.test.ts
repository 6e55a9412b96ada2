import { describe, expect, it } from 'vitest';
import { fitCalibratedSvd } from '../../../main/core/recommender/algorithms/calibrated-svd.ts';
import { indexRatings } from '../../../main/core/recommender/algorithms/indexed-ratings.ts';
import { createRanker } from '../../../main/core/recommender/algorithms/ranker.ts';
import { fitRankingModel } from '../../../main/core/recommender/algorithms/ranking-model.ts';
import { fingerprintRatings } from '../../../main/core/recommender/storage/fingerprint.ts';
import {
  encodeModel,
  ModelCodecError,
} from '../../../main/core/recommender/storage/model-codec.ts';
import { decodeModel } from '../../../main/core/recommender/storage/model-decode.ts';
import { loadModel, saveModel } from '../../../main/core/recommender/storage/model-store.ts';
import {
  decodeRankingModel,
  encodeRankingModel,
} from '../../../main/core/recommender/storage/ranking-codec.ts';
import {
  loadRankingModel,
  saveRankingModel,
} from '../../../main/core/recommender/storage/ranking-store.ts';
import { openStore } from '../../../main/core/store/store.ts';
import { tempDbPath } from '../../helpers/temp-dir.ts';
import { plantedClusters } from './planted-ratings.ts';

const data = plantedClusters({
  users: 60,
  clusters: 3,
  itemsPerCluster: 10,
  liked: 5,
  disliked: 2,
  seed: 1,
});
const ease = fitRankingModel(data, { algorithm: 'ease', lambda: 10 });
const als = fitRankingModel(data, { algorithm: 'implicit-als', factors: 6, iterations: 4 });
const listener = { trackIds: [5001, 5002, 5025], ratings: [5, 4, 1] };

function codeOf(work: () => unknown): string | undefined {
  try {
    work();
  } catch (error) {
    return error instanceof ModelCodecError ? error.code : 'other';
  }
  return undefined;
}

describe('ranking model codec', () => {
  it.each([
    ['EASE', ease],
    ['implicit ALS', als],
  ])('round-trips %s exactly, even from an unaligned view, and ranks the same', (_name, model) => {
    const payload = encodeRankingModel(model);
    const shifted = new Uint8Array(payload.length + 1);
    shifted.set(payload, 1);
    const decoded = decodeRankingModel(shifted.subarray(1));
    expect(decoded).toEqual(model);
    expect(createRanker(decoded).rank(listener, { count: 5 })).toEqual(
      createRanker(model).rank(listener, { count: 5 }),
    );
  });

  it('rejects an SVD payload, a truncated one and one whose options disagree', () => {
    const payload = encodeRankingModel(ease);
    expect(codeOf(() => decodeRankingModel(payload.subarray(0, payload.length - 4)))).toBe(
      'corrupt',
    );
    const svd = fitCalibratedSvd(indexRatings(data), { factors: 3, epochs: 5 });
    expect(codeOf(() => decodeRankingModel(encodeModel(svd)))).toBe('not-a-model');
    expect(codeOf(() => decodeModel(payload))).toBe('not-a-model');
    const text = new TextDecoder()
      .decode(payload.subarray(0, 200))
      .replace('"lambda":10', '"lambda":-1');
    const tampered = payload.slice();
    tampered.set(new TextEncoder().encode(text), 0);
    expect(codeOf(() => decodeRankingModel(tampered))).toBe('corrupt');
  });

  it('keeps an SVD model calibration through the SVD codec', () => {
    const svd = fitCalibratedSvd(indexRatings(data), { factors: 3, epochs: 5 });
    const decoded = decodeModel(encodeModel(svd));
    expect(decoded.calibration).toEqual(svd.calibration);
    expect(decoded).toEqual(svd);
  });
});

describe('ranking model store', () => {
  it('stores the ranking model beside the SVD and loads each by its own algorithm', () => {
    const store = openStore(tempDbPath());
    try {
      const print = fingerprintRatings(data);
      const svd = fitCalibratedSvd(indexRatings(data), { factors: 3, epochs: 5 });
      const metrics = {
        fitSeconds: 0.1,
        ratingCount: data.ratings.length,
        userCount: 60,
        itemCount: 30,
      };
      expect(loadRankingModel(store.models, print)).toEqual({ status: 'missing' });
      saveModel(store.models, svd, print, { ...metrics, trainRmse: 1, epochs: 5 });
      const id = saveRankingModel(store.models, ease, print, metrics);
      const loaded = loadRankingModel(store.models, print, { algorithm: 'ease', lambda: 10 });
      expect(loaded).toMatchObject({ status: 'loaded', id, metrics });
      if (loaded.status === 'loaded') expect(loaded.model).toEqual(ease);
      // The SVD is still found although the ranking model was saved after it.
      expect(loadModel(store.models, print)).toMatchObject({ status: 'loaded', model: svd });
      expect(store.models.latestInfo('ease')?.algorithm).toBe('ease');
      expect(loadRankingModel(store.models, print, { algorithm: 'ease', lambda: 11 })).toEqual({
        status: 'stale',
        reason: 'options',
      });
      expect(loadRankingModel(store.models, 'ratings-v1:other')).toEqual({
        status: 'stale',
        reason: 'ratings',
      });
      expect(loadRankingModel(store.models, print, { algorithm: 'implicit-als' })).toEqual({
        status: 'missing',
      });
      saveRankingModel(store.models, als, print, metrics);
      expect(loadRankingModel(store.models, print)).toMatchObject({ status: 'loaded', model: als });
    } finally {
      store.close();
    }
  });

  it('keeps the newest three of each algorithm, so saving many rankings never drops the SVD', () => {
    const store = openStore(tempDbPath());
    try {
      const print = fingerprintRatings(data);
      const svd = fitCalibratedSvd(indexRatings(data), { factors: 3, epochs: 5 });
      const metrics = {
        fitSeconds: 0.1,
        ratingCount: data.ratings.length,
        userCount: 60,
        itemCount: 30,
      };
      saveModel(store.models, svd, print, { ...metrics, trainRmse: 1, epochs: 5 });
      for (let run = 0; run < 5; run++) saveRankingModel(store.models, ease, print, metrics);
      expect(loadModel(store.models, print).status).toBe('loaded');
      expect(loadRankingModel(store.models, print).status).toBe('loaded');
    } finally {
      store.close();
    }
  });
});
