import { basename } from 'node:path';
import { plural } from '../../plural.ts';
import type { Store } from '../../store/store.ts';
import type { SignalRow, UnmatchedRow } from '../../store/signal-repository.ts';
import { localListenerId } from '../../store/user-repository.ts';
import { describeBadLines, ImportError } from '../import/import-error.ts';
import type { BadLine } from '../import/import-error.ts';
import { readTextFile } from '../import/read-text-file.ts';
import { aggregatePlays } from './aggregate-plays.ts';
import { historyRecordingKey } from './match-history.ts';
import type { MatchedBy } from './match-history.ts';
import { matchRecordings } from './match-targets.ts';
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

/** A history file to import: what messages call it, and its text (or how to read it). */
export interface HistorySource {
  readonly name: string;
  readonly text: string | (() => string);
}

function readAll(
  sources: readonly HistorySource[],
  plays: PlayColumns,
  options: HistoryImportOptions,
): HistoryFileReport[] {
  return sources.map((source, index) => {
    const before = plays.count;
    // Read one file at a time: only one file's text is held in memory.
    const text = typeof source.text === 'string' ? source.text : source.text();
    const { format, bad } = readHistoryText(text, basename(source.name), plays, options.format);
    options.onProgress?.({
      phase: 'reading',
      done: index + 1,
      total: sources.length,
      file: source.name,
    });
    return { file: source.name, format, plays: plays.count - before, skipped: bad };
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
    `${plural(total, 'entry', 'entries')} cannot be used, so nothing was imported (use --skip-bad to import the rest):\n${details}`,
    withBad[0].skipped,
  );
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
  const sources = paths.map((path) => ({ name: path, text: () => readTextFile(path).text }));
  return importHistorySources(store, sources, options);
}

/** {@link importHistoryFiles} for texts at hand (a browser's upload): the same import. */
export function importHistorySources(
  store: Store,
  sources: readonly HistorySource[],
  options: HistoryImportOptions = {},
): HistoryImportSummary {
  if (sources.length === 0) throw new RangeError('a history import needs at least one file');
  const plays = new PlayColumns();
  const files = readAll(sources, plays, options);
  refuseBad(files, options.skipBad ?? false);
  if (plays.count === 0) {
    const names = sources.map((source) => source.name).join(', ');
    throw new ImportError('empty', sources[0].name, `${names}: no music plays to import.`);
  }
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
