import { parseDecimal } from './strict-number.ts';

/** The latest time accepted (2100-01-01): beyond it a "timestamp" is a unit mix-up. */
const latestTime = 4_102_444_800;

/** Below this a number is seconds; from here up to `microseconds` it is milliseconds. */
const milliseconds = 1e11;
const microseconds = 1e14;

const iso8601 =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

export type TimeResult =
  { readonly ok: true; readonly seconds: number } | { readonly ok: false; readonly reason: string };

function refused(text: string, why: string): TimeResult {
  return { ok: false, reason: `time "${text}" ${why}` };
}

function fromNumber(text: string, value: number): TimeResult {
  if (value < 0) return refused(text, 'is before 1970');
  if (value >= microseconds)
    return refused(text, 'is too large for seconds or milliseconds (microseconds or nanoseconds?)');
  const seconds = Math.floor(value >= milliseconds ? value / 1000 : value);
  return seconds > latestTime ? refused(text, 'is after 2100') : { ok: true, seconds };
}

function zoneOffsetSeconds(zone: string | undefined): number {
  if (zone === undefined || zone === 'Z') return 0;
  const digits = zone.replace(':', '');
  const minutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5));
  return (zone.startsWith('-') ? -1 : 1) * minutes * 60;
}

const daysInMonth = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function dayExists(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : daysInMonth[month - 1]);
}

/** ISO 8601 as exports write it; no zone means UTC. The date must exist (no 30 February). */
function fromIso(text: string, match: RegExpExecArray): TimeResult {
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const hour = Number(match[4] ?? 0);
  const minute = Number(match[5] ?? 0);
  const second = Number(match[6] ?? 0);
  if (!dayExists(year, month, day) || hour > 23 || minute > 59 || second > 59)
    return refused(text, 'is not a real date and time');
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  return fromNumber(text, ms / 1000 - zoneOffsetSeconds(match[7]));
}

function digitsAt(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * `2024-03-01T18:05:00Z`, the form of every `ts` in Spotify's history (a million of them in a
 * long one), read without a regular expression; undefined for anything else.
 */
function fromSpotifyTimestamp(text: string): TimeResult | undefined {
  const separators = text[4] + text[7] + text[10] + text[13] + text[16];
  if (separators !== '--T::') return undefined;
  const [year, month, day] = [digitsAt(text, 0, 4), digitsAt(text, 5, 2), digitsAt(text, 8, 2)];
  const [hour, minute, second] = [
    digitsAt(text, 11, 2),
    digitsAt(text, 14, 2),
    digitsAt(text, 17, 2),
  ];
  if (Math.min(year, month, day, hour, minute, second) < 0) return undefined;
  if (!dayExists(year, month, day) || hour > 23 || minute > 59 || second > 59)
    return refused(text, 'is not a real date and time');
  return fromNumber(text, Date.UTC(year, month - 1, day, hour, minute, second) / 1000);
}

/**
 * Reads a point in time as exports write it: Unix seconds (fractions allowed), Unix
 * milliseconds (told apart by size: 10¹¹ s would be the year 5138), or ISO 8601 (`2024-03-01`,
 * `2024-03-01T12:30:00Z`, `2024-03-01 12:30:00+01:00`; without a zone it is UTC). Anything else
 * — exponents, hex, microseconds, times before 1970 or after 2100 — is refused with a reason.
 *
 * @returns Unix seconds, or the reason the text is not a time.
 */
export function parseTime(text: string): TimeResult {
  if (text.length === 20 && text.charCodeAt(19) === 90) {
    const fast = fromSpotifyTimestamp(text);
    if (fast !== undefined) return fast;
  }
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, reason: 'time is empty' };
  const value = parseDecimal(trimmed);
  if (value !== undefined) return fromNumber(trimmed, value);
  const match = iso8601.exec(trimmed);
  if (match !== null) return fromIso(trimmed, match);
  return refused(trimmed, 'is not Unix seconds, milliseconds or an ISO 8601 date');
}
