import type { Store } from '../../store/store.ts';
import type { SignalRow, UnmatchedRow } from '../../store/signal-repository.ts';
import { localListenerId } from '../../store/user-repository.ts';
import { describeBadLines, ImportError } from '../import/import-error.ts';
import type { BadLine } from '../import/import-error.ts';
import { readTextFile } from '../import/read-text-file.ts';
import { aggregatePlays } from './aggregate-plays.ts';
import { historyRecordingKey, TrackMatcher } from './match-history.ts';
import type { MatchedBy } from './match-history.ts';
import { PlayColumns } from './plays.ts';
import { readHistoryText } from './read-history.ts';
import type { HistoryFormat } from './read-history.ts';

export interface HistoryImportOptions {
  /** The format of every file; recognised by content when absent. */
  readonly format?: HistoryFormat;
  /** Import the good entries and report the bad ones, instead of importing nothing. */
  readonly skipBad?: boolean;
  readonly onProgress?: (progress: {
    phase: 'reading' | 'matching' | 'writing';
    done: number;
    total: number;
    file?: string;
  }) => void;
}

export interface HistoryFileReport {
  readonly file: string;
  readonly format: HistoryFormat;
  readonly plays: number;
  readonly skipped: readonly BadLine[];
}

export interface HistoryImportSummary {
  readonly files: readonly HistoryFileReport[];
  /** Music plays read (podcast episodes and unknown tracks excluded: `notMusic`). */
  readonly plays: number;
  readonly notMusic: number;
  readonly recordings: number;
  readonly matched: {
    readonly recordings: number;
    readonly plays: number;
    readonly by: Readonly<Record<MatchedBy, number>>;
  };
  readonly unmatched: { readonly recordings: number; readonly plays: number };
  /** Tracks that now carry a listening signal. */
  readonly tracks: number;
  /** Signals of an earlier history import that this one replaced. */
  readonly replaced: number;
}

function readAll(
  paths: readonly string[],
  plays: PlayColumns,
  options: HistoryImportOptions,
): HistoryFileReport[] {
  return paths.map((path, index) => {
    const before = plays.count;
    const { text, name } = readTextFile(path);
    const { format, bad } = readHistoryText(text, name, plays, options.format);
    options.onProgress?.({ phase: 'reading', done: index + 1, total: paths.length, file: path });
    return { file: path, format, plays: plays.count - before, skipped: bad };
  });
}

function refuseBad(reports: readonly HistoryFileReport[], skipBad: boolean): void {
  const withBad = reports.filter((r) => r.skipped.length > 0);
  if (withBad.length === 0 || skipBad) return;
  const total = withBad.reduce((n, r) => n + r.skipped.length, 0);
  const details = withBad.map((r) => describeBadLines(r.file, r.skipped)).join('\n');
  throw new ImportError(
    'bad-rows',
    withBad[0].file,
    `${total} entries cannot be used, so nothing was imported (use --skip-bad to import the rest):\n${details}`,
    withBad[0].skipped,
  );
}

interface Targets {
  readonly targetOf: Int32Array;
  readonly length: number[];
  /** Per target: a track id, or the first recording of an unmatched key. */
  readonly trackId: number[];
  readonly firstRecording: number[];
  readonly by: Record<MatchedBy, number>;
  matchedRecordings: number;
}

/** Every recording to a target: its matched track, or its recording key while unmatched. */
function matchRecordings(store: Store, plays: PlayColumns): Targets {
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

/**
 * Imports listening history — Spotify's Extended or account-data streaming history, a Last.fm
 * scrobble CSV, a ListenBrainz export — as the local listener's implicit taste. Plays are
 * matched to tracks (Spotify id, ISRC, then normalised title and artists), summed per track
 * into signals (`store.signals.forUser`), and recordings no track matches are kept for a later
 * crawl (`pipeline --source unmatched`). The import replaces the listener's earlier history,
 * so importing the same export again changes nothing. All or nothing: one bad entry imports
 * nothing (unless `skipBad`), and the write is one transaction.
 */
export function importHistoryFiles(
  store: Store,
  paths: readonly string[],
  options: HistoryImportOptions = {},
): HistoryImportSummary {
  if (paths.length === 0) throw new RangeError('importHistoryFiles needs at least one file');
  const plays = new PlayColumns();
  const files = readAll(paths, plays, options);
  refuseBad(files, options.skipBad ?? false);
  if (plays.count === 0)
    throw new ImportError('empty', paths[0], `${paths.join(', ')}: no music plays to import.`);
  options.onProgress?.({ phase: 'matching', done: 0, total: plays.recordings.length });
  const targets = matchRecordings(store, plays);
  const sums = aggregatePlays(plays, targets.targetOf, Float64Array.from(targets.length));
  const signals: SignalRow[] = [];
  const unmatched: UnmatchedRow[] = [];
  let unmatchedPlays = 0;
  sums.forEach((sum, t) => {
    if (targets.trackId[t] >= 0) return signals.push({ trackId: targets.trackId[t], ...sum });
    const recording = plays.recordings[targets.firstRecording[t]];
    unmatchedPlays += sum.plays;
    unmatched.push({ ...recording, recordingKey: historyRecordingKey(recording), ...sum });
  });
  options.onProgress?.({ phase: 'writing', done: 0, total: signals.length + unmatched.length });
  const userId = store.users.ensure('local', localListenerId);
  const { replacedSignals } = store.transaction(() =>
    store.signals.replaceForUser(userId, signals, unmatched),
  );
  options.onProgress?.({
    phase: 'writing',
    done: signals.length + unmatched.length,
    total: signals.length + unmatched.length,
  });
  const countedPlays = sums.reduce((n, s) => n + s.plays, 0);
  return {
    files,
    plays: plays.count,
    notMusic: plays.notMusic,
    recordings: plays.recordings.length,
    matched: {
      recordings: targets.matchedRecordings,
      plays: countedPlays - unmatchedPlays,
      by: targets.by,
    },
    unmatched: { recordings: unmatched.length, plays: unmatchedPlays },
    tracks: signals.length,
    replaced: replacedSignals,
  };
}
