import type { Taste } from '../../contract/index.ts';
import type { Track } from '../../catalog/track.ts';
import type { Contribution } from '../picks/pick-ranker.ts';
import type { PickReason } from '../picks/pick-reasons.ts';
import { likedTrait } from './taste-match.ts';
import type { PriorEntry } from './taste-prior.ts';

/**
 * Names the part of the taste behind a pick — "Because you like folk" — when the taste start's
 * prior is what pushes it most (its largest term beats every liked or loved song's) or no such
 * song speaks for it. It names the pick's own liked genre, artist or decade if it has one, else
 * what the strongest prior song stands for; that song is the reason's track. A prior song is
 * never cited as "because you liked": it carries no stars.
 */
export function tasteReason(
  taste: Taste,
  prior: readonly PriorEntry[],
  trackOf: (trackId: number) => Track | undefined,
): (
  trackId: number,
  terms: readonly Contribution[],
  reasons: readonly PickReason[],
) => PickReason | undefined {
  const byTrack = new Map(prior.map((p) => [p.trackId, p]));
  return (trackId, terms, reasons) => {
    let top: { entry: PriorEntry; contribution: number } | undefined;
    for (const term of terms) {
      const entry = byTrack.get(term.trackId);
      if (entry !== undefined && term.contribution > (top?.contribution ?? 0))
        top = { entry, contribution: term.contribution };
    }
    if (top === undefined) return undefined;
    const ownBest =
      reasons.find((r) => r.kind === 'liked' || r.kind === 'played')?.contribution ?? 0;
    if (ownBest > top.contribution) return undefined;
    const track = trackOf(trackId);
    return {
      kind: 'likedTrait',
      trackId: top.entry.trackId,
      stars: null,
      plays: null,
      trait: (track === undefined ? undefined : likedTrait(track, taste)) ?? top.entry.trait,
      contribution: top.contribution,
    };
  };
}
