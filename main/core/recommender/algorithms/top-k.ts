/**
 * The `count` highest scores, best first, skipping indices where `skip[i]` is 1. Ties go to the
 * lower index. A min-heap of size `count` keeps this O(n log count).
 */
export function topIndices(
  scores: Float32Array | Float64Array,
  count: number,
  skip?: Uint8Array,
): Int32Array {
  if (!Number.isInteger(count) || count < 0) {
    throw new RangeError(`count must be an integer ≥ 0, got ${count}`);
  }
  const heap = new Int32Array(count);
  let size = 0;
  // "a is worse than b": lower score, or the same score and a higher index.
  const worse = (a: number, b: number): boolean =>
    scores[a] < scores[b] || (scores[a] === scores[b] && a > b);
  const siftDown = (start: number): void => {
    let at = start;
    for (;;) {
      const left = 2 * at + 1;
      const right = left + 1;
      let worst = at;
      if (left < size && worse(heap[left], heap[worst])) worst = left;
      if (right < size && worse(heap[right], heap[worst])) worst = right;
      if (worst === at) return;
      [heap[at], heap[worst]] = [heap[worst], heap[at]];
      at = worst;
    }
  };
  for (let i = 0; i < scores.length; i++) {
    if (skip !== undefined && skip[i] === 1) continue;
    if (size < count) {
      heap[size] = i;
      for (let at = size++; at > 0;) {
        const parent = (at - 1) >> 1;
        if (!worse(heap[at], heap[parent])) break;
        [heap[at], heap[parent]] = [heap[parent], heap[at]];
        at = parent;
      }
    } else if (count > 0 && worse(heap[0], i)) {
      heap[0] = i;
      siftDown(0);
    }
  }
  const result = heap.slice(0, size);
  return result.sort((a, b) => (worse(a, b) ? 1 : worse(b, a) ? -1 : 0));
}
