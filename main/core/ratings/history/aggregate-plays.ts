import type { PlayColumns } from './plays.ts';
import type { PlaySums } from './strength.ts';
import { decay, playOutcome, strengthRules } from './strength.ts';

/** Play indices grouped by target (counting sort), each group in time order. */
function groupByTarget(
  plays: PlayColumns,
  targetOfRecording: Int32Array,
  targets: number,
): { order: Uint32Array; starts: Uint32Array } {
  const starts = new Uint32Array(targets + 1);
  for (let p = 0; p < plays.count; p++) starts[targetOfRecording[plays.recording[p]] + 1]++;
  for (let t = 0; t < targets; t++) starts[t + 1] += starts[t];
  const next = starts.slice(0, targets);
  const order = new Uint32Array(plays.count);
  for (let p = 0; p < plays.count; p++) order[next[targetOfRecording[plays.recording[p]]]++] = p;
  const time = plays.time;
  for (let t = 0; t < targets; t++) {
    const group = order.subarray(starts[t], starts[t + 1]);
    if (group.length > 1) group.sort((a, b) => time[a] - time[b]);
  }
  return { order, starts };
}

/**
 * Sums each target's plays (a target is a matched track or an unmatched recording; every
 * recording maps to one through `targetOfRecording`). Plays of one target closer than a minute
 * count once; `lengthOfTarget` (ms, −1 unknown) turns `ms_played` into a completed fraction.
 * The recent sum is kept anchored at the latest play: each step decays it to the new time.
 */
export function aggregatePlays(
  plays: PlayColumns,
  targetOfRecording: Int32Array,
  lengthOfTarget: Float64Array,
): PlaySums[] {
  const targets = lengthOfTarget.length;
  const { order, starts } = groupByTarget(plays, targetOfRecording, targets);
  const sums: PlaySums[] = [];
  for (let t = 0; t < targets; t++) {
    const length = lengthOfTarget[t] > 0 ? lengthOfTarget[t] : null;
    const sum: PlaySums = {
      plays: 0,
      skips: 0,
      listened: 0,
      listenedRecent: 0,
      lastPlayedAt: -Infinity,
    };
    for (let i = starts[t]; i < starts[t + 1]; i++) {
      const p = order[i];
      const at = plays.time[p];
      if (at - sum.lastPlayedAt < strengthRules.samePlayWithinSeconds) continue;
      const outcome = playOutcome(plays.msPlayed[p], plays.end[p], length);
      sum.listenedRecent =
        (sum.plays === 0 ? 0 : sum.listenedRecent * decay(at - sum.lastPlayedAt)) +
        outcome.listened;
      sum.plays++;
      if (outcome.skip) sum.skips++;
      sum.listened += outcome.listened;
      sum.lastPlayedAt = at;
    }
    sums.push(sum);
  }
  return sums;
}
