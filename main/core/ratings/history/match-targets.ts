import type { Store } from '../../store/store.ts';
import { historyRecordingKey, TrackMatcher } from './match-history.ts';
import type { MatchedBy } from './match-history.ts';
import type { PlayColumns } from './plays.ts';

/** Where each recording of a history goes: a matched track, or its recording key. */
export interface Targets {
  readonly targetOf: Int32Array;
  readonly length: number[];
  /** Per target: a track id, or the first recording of an unmatched key. */
  readonly trackId: number[];
  readonly firstRecording: number[];
  readonly by: Record<MatchedBy, number>;
  matchedRecordings: number;
}

/** Every recording to a target: its matched track, or its recording key while unmatched. */
export function matchRecordings(store: Store, plays: PlayColumns): Targets {
  const matcher = new TrackMatcher(store.signals.trackMatchRows());
  const targets: Targets = {
    targetOf: new Int32Array(plays.recordings.length),
    length: [],
    trackId: [],
    firstRecording: [],
    by: { 'spotify-id': 0, isrc: 0, recording: 0, 'title-and-artist': 0 },
    matchedRecordings: 0,
  };
  const indexOf = new Map<string, number>();
  plays.recordings.forEach((recording, r) => {
    const match = matcher.match(recording);
    const key = match === undefined ? `u:${historyRecordingKey(recording)}` : `t:${match.trackId}`;
    let target = indexOf.get(key);
    if (target === undefined) {
      target = targets.trackId.length;
      indexOf.set(key, target);
      targets.trackId.push(match?.trackId ?? -1);
      targets.firstRecording.push(r);
      targets.length.push(
        (match && matcher.durationOf(match.trackId)) ?? recording.durationMs ?? -1,
      );
    }
    if (match !== undefined) {
      targets.by[match.by]++;
      targets.matchedRecordings++;
    }
    targets.targetOf[r] = target;
  });
  return targets;
}
