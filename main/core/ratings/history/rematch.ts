import type { Store } from '../../store/store.ts';
import type { SignalRow } from '../../store/signal-repository.ts';
import { TrackMatcher } from './match-history.ts';
import { mergeSums } from './strength.ts';

/**
 * Matches the stored unmatched recordings again — after a crawl added tracks — and turns those
 * that now match into listening signals (merged with any signal the track already has). One
 * transaction. Returns how many recordings were matched and how many are still unmatched.
 */
export function rematchUnmatched(store: Store): { matched: number; unmatched: number } {
  return store.transaction(() => {
    const waiting = store.signals.unmatched();
    if (waiting.length === 0) return { matched: 0, unmatched: 0 };
    const matcher = new TrackMatcher(store.signals.trackMatchRows());
    const updates = new Map<string, { userId: number; row: SignalRow }>();
    const existing = new Map<number, Map<number, SignalRow>>();
    const done: number[] = [];
    for (const recording of waiting) {
      const match = matcher.match({ ...recording, durationMs: null });
      if (match === undefined) continue;
      let signals = existing.get(recording.userId);
      if (signals === undefined) {
        signals = new Map(store.signals.sumsForUser(recording.userId).map((s) => [s.trackId, s]));
        existing.set(recording.userId, signals);
      }
      const before = signals.get(match.trackId);
      const merged = {
        trackId: match.trackId,
        ...(before ? mergeSums(before, recording) : recording),
      };
      const row: SignalRow = {
        trackId: match.trackId,
        plays: merged.plays,
        skips: merged.skips,
        listened: merged.listened,
        listenedRecent: merged.listenedRecent,
        lastPlayedAt: merged.lastPlayedAt,
      };
      signals.set(match.trackId, row);
      updates.set(`${recording.userId}:${match.trackId}`, { userId: recording.userId, row });
      done.push(recording.id);
    }
    for (const { userId, row } of updates.values()) store.signals.upsertSignals(userId, [row]);
    store.signals.deleteUnmatched(done);
    return { matched: done.length, unmatched: waiting.length - done.length };
  });
}

/** Spotify's search syntax quotes a field's text; a quote inside it cannot be escaped. */
function quoted(text: string): string {
  return `"${text.replace(/"/g, ' ').replace(/\s+/g, ' ').trim()}"`;
}

/**
 * Crawl sources that can find the unmatched recordings, most listened first: the track itself
 * when the history gave its Spotify id (`spotify:track:…`), else a search by title and artist
 * (`search:track:"…" artist:"…"`). At most `limit` (default 200), since each is a request or
 * more: a crawl with the rest can follow.
 */
export function unmatchedSources(store: Store, limit = 200): string[] {
  const sources = new Set<string>();
  for (const recording of store.signals.unmatched()) {
    if (sources.size >= limit) break;
    sources.add(
      recording.spotifyId !== null
        ? `spotify:track:${recording.spotifyId}`
        : `search:track:${quoted(recording.title)} artist:${quoted(recording.artist)}`,
    );
  }
  return [...sources];
}
