import type { Prng } from '../../random.ts';

/** Fisher–Yates: a uniformly random permutation of 0 … n−1. */
export function randomPermutation(n: number, random: Prng): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = random.nextInt(i + 1);
    const held = order[i];
    order[i] = order[j];
    order[j] = held;
  }
  return order;
}
