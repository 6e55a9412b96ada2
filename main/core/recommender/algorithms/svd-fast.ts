import type { IndexedRatings } from './indexed-ratings.ts';
import type { SgdEpoch } from '../kernels/sgd-kernel.ts';
import { loadSgdKernel } from '../kernels/sgd-kernel.ts';
import type { SvdModel } from './svd-model.ts';
import type { ResolvedSvdOptions } from './svd-options.ts';
import type { SvdTrainer } from './svd-trainer.ts';
import { initialiseFactors } from './svd-trainer.ts';
import type { VisitingOrder } from './visiting-order.ts';
import { createMemory } from '../kernels/wasm-runtime.ts';
import type { KernelLayout } from '../kernels/kernel-layout.ts';
import { planLayout, unpadRows, viewsOf } from '../kernels/kernel-layout.ts';

/**
 * The fast SVD: single-precision factors in WebAssembly memory, the epoch run by the SIMD
 * kernel of sgd-kernel.ts over ratings laid out in visiting order. Same update, same initial
 * draws and same order as the reference; only the arithmetic (f32, four-lane dot products)
 * differs.
 */
export function createFastSvdTrainer(
  data: IndexedRatings,
  options: ResolvedSvdOptions,
  visiting: VisitingOrder = 'cache-blocked',
): SvdTrainer {
  const layout = planLayout(data, options.factors);
  const memory = createMemory(layout.bytes, false);
  const views = viewsOf(memory, layout);
  const { order } = initialiseFactors(data, options, views, layout.stride, visiting);
  for (let position = 0; position < order.length; position++) {
    const r = order[position];
    views.users[position] = data.users[r];
    views.items[position] = data.items[r];
    views.ratings[position] = data.ratings[r];
  }
  const kernel = loadSgdKernel(memory, false);
  let epochsDone = 0;
  return {
    epochs: options.epochs,
    get epochsDone() {
      return epochsDone;
    },
    runEpoch() {
      const sse = runKernel(kernel, layout, data.globalMean, options, 0, layout.count);
      epochsDone++;
      return Math.sqrt(sse / layout.count);
    },
    toModel: () => modelFromViews(data, options, layout, views),
  };
}

/** Runs the kernel over ratings [start, start + count) of the layout; returns Σe². */
function runKernel(
  kernel: SgdEpoch,
  layout: KernelLayout,
  globalMean: number,
  options: ResolvedSvdOptions,
  start: number,
  count: number,
): number {
  const biased = options.biased;
  return kernel(
    layout.users + start * 4,
    layout.items + start * 4,
    layout.ratings + start * 4,
    count,
    layout.userBias,
    layout.itemBias,
    layout.userFactors,
    layout.itemFactors,
    layout.stride * 4,
    biased ? globalMean : 0,
    biased ? options.lrBu : 0,
    biased ? options.lrBi : 0,
    options.lrPu,
    options.lrQi,
    options.regBu,
    options.regBi,
    options.regPu,
    options.regQi,
  );
}

function modelFromViews(
  data: IndexedRatings,
  options: ResolvedSvdOptions,
  layout: KernelLayout,
  views: ReturnType<typeof viewsOf>,
): SvdModel {
  const k = options.factors;
  return {
    algorithm: 'svd',
    options,
    factors: k,
    globalMean: data.globalMean,
    userIds: data.userIds.slice(),
    itemIds: data.itemIds.slice(),
    userBias: views.userBias.slice(),
    itemBias: views.itemBias.slice(),
    userFactors: unpadRows(views.userFactors, layout.userCount, layout.stride, k),
    itemFactors: unpadRows(views.itemFactors, layout.itemCount, layout.stride, k),
  };
}
