import type { RankingModel } from '../algorithms/ranking-model.ts';
import type { ResolvedRankingOptions } from '../algorithms/ranking-options.ts';
import { resolveRankingOptions } from '../algorithms/ranking-options.ts';
import { ModelCodecError } from './model-codec-error.ts';
import { decodePayload, encodePayload } from './payload.ts';

/**
 * A ranking model as one payload in the envelope of payload.ts with magic "ERNK".
 * Header: { algorithm, options, items, factors } (factors 0 for EASE). Sections: itemIds
 * (Int32 × items), itemPrior (Float32 × items), then for EASE weights (Float32 × items²), for
 * implicit ALS itemFactors (Float32 × items·k) and gram (Float64 × k²).
 */
const rankingMagic = 'ERNK';

interface RankingHeader {
  algorithm: RankingModel['algorithm'];
  options: ResolvedRankingOptions;
  items: number;
  factors: number;
}

export function encodeRankingModel(model: RankingModel): Uint8Array {
  const header: RankingHeader = {
    algorithm: model.algorithm,
    options: model.options,
    items: model.itemIds.length,
    factors: model.algorithm === 'ease' ? 0 : model.factors,
  };
  const sections =
    model.algorithm === 'ease'
      ? [model.itemIds, model.itemPrior, model.weights]
      : [model.itemIds, model.itemPrior, model.itemFactors, model.gram];
  return encodePayload(rankingMagic, header, sections);
}

function checkHeader(header: unknown): RankingHeader {
  const h = (typeof header === 'object' && header !== null ? header : {}) as Record<
    string,
    unknown
  >;
  const isCount = (value: unknown): value is number =>
    typeof value === 'number' && Number.isInteger(value) && value >= 0;
  if (!isCount(h.items) || !isCount(h.factors)) {
    throw new ModelCodecError('corrupt', 'ranking model header lacks its counts');
  }
  let options: ResolvedRankingOptions;
  try {
    options = resolveRankingOptions(h.options as Parameters<typeof resolveRankingOptions>[0]);
  } catch (error) {
    throw new ModelCodecError('corrupt', `ranking model options are invalid: ${String(error)}`);
  }
  const factors = options.algorithm === 'ease' ? 0 : options.factors;
  if (h.algorithm !== options.algorithm || h.factors !== factors) {
    throw new ModelCodecError('corrupt', 'ranking model header disagrees with its options');
  }
  return { algorithm: options.algorithm, options, items: h.items, factors };
}

/**
 * Decodes a payload of {@link encodeRankingModel} into fresh arrays. Throws
 * {@link ModelCodecError} for anything that is not a complete version-1 ranking model.
 */
export function decodeRankingModel(payload: Uint8Array): RankingModel {
  const reader = decodePayload(payload, rankingMagic, 'ranking model');
  const { options, items: n, factors: k } = checkHeader(reader.header);
  const expected = 8 * n + (options.algorithm === 'ease' ? 4 * n * n : 4 * n * k + 8 * k * k);
  if (reader.dataBytes !== expected) {
    throw new ModelCodecError(
      'corrupt',
      `ranking model payload holds ${reader.dataBytes} data bytes, expected ${expected}`,
    );
  }
  const itemIds = new Int32Array(reader.take(4 * n));
  const itemPrior = new Float32Array(reader.take(4 * n));
  if (options.algorithm === 'ease') {
    const weights = new Float32Array(reader.take(4 * n * n));
    return { algorithm: 'ease', options, itemIds, weights, itemPrior };
  }
  return {
    algorithm: 'implicit-als',
    options,
    factors: k,
    itemIds,
    itemFactors: new Float32Array(reader.take(4 * n * k)),
    gram: new Float64Array(reader.take(8 * k * k)),
    itemPrior,
  };
}
