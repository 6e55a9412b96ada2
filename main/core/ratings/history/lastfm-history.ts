import { readCsvRecords } from '../import/csv-records.ts';
import { parseTime } from '../import/parse-time.ts';
import { PlayEnd } from './plays.ts';
import type { PlayColumns } from './plays.ts';

const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** "31 Jan 2021 14:05" (UTC), as Last.fm's pages and the common export tools write dates. */
const lastfmDate = /^(\d{1,2}) ([A-Za-z]{3}) (\d{4}),? (\d{1,2}):(\d{2})$/;

/** A scrobble's date: Last.fm's "31 Jan 2021 14:05", Unix seconds or ISO 8601; else a reason. */
function scrobbleTime(value: string): number | string {
  const match = lastfmDate.exec(value.trim());
  if (match !== null) {
    const month = months.indexOf(match[2].toLowerCase());
    const [day, year, hour, minute] = [match[1], match[3], match[4], match[5]].map(Number);
    const ms = Date.UTC(year, month, day, hour, minute);
    if (month < 0 || new Date(ms).getUTCDate() !== day || hour > 23)
      return `date "${value}" is not a real date`;
    return ms / 1000;
  }
  const parsed = parseTime(value);
  return parsed.ok ? parsed.seconds : `${parsed.reason} (nor Last.fm's "31 Jan 2021 14:05")`;
}

interface LastfmColumns {
  artist: number;
  album: number;
  title: number;
  date: number;
}

/** Columns named by a header (`artist,album,track,date`, `uts,…,artist,…,track,…`), if any. */
function headerColumns(fields: readonly string[]): LastfmColumns | undefined {
  const find = (pattern: RegExp): number => fields.findIndex((f) => pattern.test(f.trim()));
  const columns = {
    artist: find(/^artist(?:[ _]?name)?$/i),
    album: find(/^album(?:[ _]?name)?$/i),
    title: find(/^(?:title|track|song|name)(?:[ _]?name)?$/i),
    date: find(/^(?:date|uts|time|timestamp|utc_time|scrobble[ _]?time)$/i),
  };
  return columns.artist >= 0 && columns.title >= 0 && columns.date >= 0 ? columns : undefined;
}

/**
 * A Last.fm scrobble export as CSV: artist, album, title, date (with or without a header; a
 * header may name its columns in another order). Each scrobble is a counted play.
 */
export function readLastfmCsv(
  text: string,
  plays: PlayColumns,
  bad: (line: number, reason: string) => void,
): void {
  let columns: LastfmColumns | undefined;
  readCsvRecords(text, ',', {
    record: (fields, line) => {
      if (columns === undefined) {
        columns = headerColumns(fields);
        if (columns !== undefined) return;
        columns = { artist: 0, album: 1, title: 2, date: 3 };
      }
      if (fields.length < 4)
        return bad(line, `expected artist, album, title, date; found ${fields.length} columns`);
      const artist = fields[columns.artist].trim();
      const title = fields[columns.title].trim();
      if (artist === '' || title === '') return bad(line, 'artist or title is empty');
      const at = scrobbleTime(fields[columns.date]);
      if (typeof at === 'string') return bad(line, at);
      const album = fields[columns.album]?.trim() ?? '';
      const recording = plays.recordingOf(null, artist, title, () => ({
        title,
        artist,
        album: album === '' ? null : album,
        spotifyId: null,
        isrc: null,
        recordingMbid: null,
        durationMs: null,
      }));
      plays.add(recording, at, -1, PlayEnd.counted);
    },
    bad,
  });
}
