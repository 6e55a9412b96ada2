import { parseTime } from '../import/parse-time.ts';

/** Why an entry cannot be used, said with the field's JSON path. */
export class EntryProblem extends Error {}

export type Entry = Readonly<Record<string, unknown>>;

export function asEntry(value: unknown, what: string): Entry {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new EntryProblem(`${what} is not an object`);
  return value as Entry;
}

export function text(entry: Entry, key: string): string {
  const value = entry[key];
  if (typeof value !== 'string' || value.trim() === '')
    throw new EntryProblem(`.${key}: expected text, got ${JSON.stringify(value) ?? 'nothing'}`);
  return value.trim();
}

export function optionalText(entry: Entry | undefined, key: string): string | null {
  const value = entry?.[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

export function milliseconds(entry: Entry, key: string): number {
  const value = entry[key];
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
    throw new EntryProblem(
      `.${key}: expected milliseconds (a number ≥ 0), got ${JSON.stringify(value) ?? 'nothing'}`,
    );
  return value;
}

export function time(entry: Entry, key: string): number {
  const value = entry[key];
  if (typeof value !== 'string' && typeof value !== 'number')
    throw new EntryProblem(`.${key}: expected a time, got ${JSON.stringify(value) ?? 'nothing'}`);
  const parsed = parseTime(String(value));
  if (!parsed.ok) throw new EntryProblem(`.${key}: ${parsed.reason}`);
  return parsed.seconds;
}

const spotifyTrackId =
  /(?:spotify:track:|open\.spotify\.com\/(?:intl-[a-z-]+\/)?track\/)([0-9A-Za-z]{22})\b/;

/** The track id of a Spotify URI or link, else null (an episode, a local file, nothing). */
export function spotifyIdOf(value: string | null): string | null {
  if (value === null) return null;
  // The Extended history's form, a million times over: no regex needed.
  if (value.length === 36 && value.startsWith('spotify:track:')) return value.slice(14);
  if (/^[0-9A-Za-z]{22}$/.test(value)) return value;
  return spotifyTrackId.exec(value)?.[1] ?? null;
}

/** An ISRC in its canonical form (12 characters, no dashes), or null when it is not one. */
export function isrcOf(value: string | null): string | null {
  const canonical = value?.replace(/-/g, '').toUpperCase() ?? '';
  return /^[A-Z]{2}[A-Z0-9]{3}\d{7}$/.test(canonical) ? canonical : null;
}
