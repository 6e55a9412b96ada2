import { ImportError } from '../import/import-error.ts';
import type { BadLine } from '../import/import-error.ts';
import { EntryProblem } from './entry-fields.ts';
import { JsonSyntaxError, arrayElementLines, parseHistoryJson } from './history-json.ts';
import type { HistoryEntries } from './history-json.ts';
import { readLastfmCsv } from './lastfm-history.ts';
import { readListen } from './listenbrainz-history.ts';
import type { PlayColumns } from './plays.ts';
import { readAccountEntry, readExtendedEntry } from './spotify-history.ts';

export const historyFormats = [
  'spotify-extended',
  'spotify-account',
  'lastfm',
  'listenbrainz',
] as const;
export type HistoryFormat = (typeof historyFormats)[number];

const readers = {
  'spotify-extended': readExtendedEntry,
  'spotify-account': readAccountEntry,
  listenbrainz: readListen,
} as const;

/** The format of JSON entries, by the fields of the first one. */
function jsonFormat(entries: readonly unknown[]): HistoryFormat | undefined {
  const first = entries[0];
  if (typeof first !== 'object' || first === null) return undefined;
  const has = (key: string): boolean => key in first;
  if (has('ts') && has('ms_played')) return 'spotify-extended';
  if (has('endTime') && has('msPlayed')) return 'spotify-account';
  if (has('listened_at') && has('track_metadata')) return 'listenbrainz';
  return undefined;
}

function unknownFormat(file: string): ImportError {
  return new ImportError(
    'unknown-format',
    file,
    `${file} is not a listening history Earshot knows: expected Spotify's Streaming_History_Audio_*.json or StreamingHistory_music_*.json, a ListenBrainz export (JSON or JSON lines) or a Last.fm scrobble CSV (artist, album, title, date).`,
  );
}

/** Reads each JSON entry into `plays`; a bad entry is reported with its line and JSON path. */
function readEntries(
  text: string,
  parsed: HistoryEntries,
  read: (value: unknown, plays: PlayColumns) => void,
  plays: PlayColumns,
): BadLine[] {
  const bad: { index: number; reason: string }[] = [];
  parsed.entries.forEach((entry, index) => {
    try {
      read(entry, plays);
    } catch (error) {
      if (!(error instanceof EntryProblem)) throw error;
      bad.push({ index, reason: error.message });
    }
  });
  if (bad.length === 0) return [];
  const lines = parsed.layout === 'lines' ? parsed.lines : arrayElementLines(text);
  return bad.map(({ index, reason }) => ({
    line: lines[index] ?? 0,
    reason:
      parsed.layout === 'array'
        ? `[${index}]${reason.startsWith('.') ? '' : ': '}${reason}`
        : reason.replace(/^\./, ''),
  }));
}

/**
 * Reads one history file's text into `plays`, recognising its format by content (or taking
 * `format`). Returns the format and the entries that could not be used, each with its line
 * (and JSON path for a JSON array). Throws {@link ImportError} for a file that is not a history
 * at all or is not valid JSON.
 */
export function readHistoryText(
  text: string,
  file: string,
  plays: PlayColumns,
  format?: HistoryFormat,
): { format: HistoryFormat; bad: BadLine[] } {
  const start = text.trimStart()[0];
  if (start === undefined)
    throw new ImportError('empty', file, `${file} is empty: no plays to import.`);
  if (start !== '[' && start !== '{') {
    if (format !== undefined && format !== 'lastfm') throw unknownFormat(file);
    const bad: BadLine[] = [];
    readLastfmCsv(text, plays, (line, reason) => bad.push({ line, reason }));
    return { format: 'lastfm', bad };
  }
  let parsed: HistoryEntries;
  try {
    parsed = parseHistoryJson(text);
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    throw new ImportError('bad-rows', file, `${file}:${error.line}: ${error.message}`, [
      { line: error.line, reason: error.message },
    ]);
  }
  if (!Array.isArray(parsed.entries)) throw unknownFormat(file);
  const detected = format ?? jsonFormat(parsed.entries);
  if (detected === undefined || detected === 'lastfm') {
    if (parsed.entries.length === 0) return { format: format ?? 'spotify-extended', bad: [] };
    throw unknownFormat(file);
  }
  return { format: detected, bad: readEntries(text, parsed, readers[detected], plays) };
}
