import type { Taste } from '../../contract/index.ts';
import type { Track } from '../../catalog/track.ts';
import type { Contribution } from '../picks/pick-ranker.ts';
import type { PickReason } from '../picks/pick-reasons.ts';
import { likedTrait } from './taste-match.ts';
import type { PriorEntry } from './taste-prior.ts';

/**
 * Names the part of the taste behind a pick — "Because you like folk" — when the taste start's
 * prior is what pushes it most (its largest term beats every liked song's) or no liked song
 * speaks for it. It names the pick's own liked genre, artist or decade if it has one, else what
 * the strongest prior song stands for. A prior song is never cited as "because you liked".
 */
export function tasteReason(
  taste: Taste,
  prior: readonly PriorEntry[],
  trackOf: (trackId: number) => Track | undefined,
): (
  trackId: number,
  terms: readonly Contribution[],
  reasons: readonly PickReason[],
) => string | undefined {
  const byTrack = new Map(prior.map((p) => [p.trackId, p]));
  return (trackId, terms, reasons) => {
    let top: { entry: PriorEntry; contribution: number } | undefined;
    for (const term of terms) {
      const entry = byTrack.get(term.trackId);
      if (entry !== undefined && term.contribution > (top?.contribution ?? 0))
        top = { entry, contribution: term.contribution };
    }
    if (top === undefined) return undefined;
    const bestLiked = reasons.find((r) => r.kind === 'liked')?.contribution ?? 0;
    if (bestLiked > top.contribution) return undefined;
    const track = trackOf(trackId);
    return (track === undefined ? undefined : likedTrait(track, taste)) ?? top.entry.trait;
  };
}
