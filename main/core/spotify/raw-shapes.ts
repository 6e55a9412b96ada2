/** Guards for the few shapes the crawler relies on; the cleaner checks track fields. */

export type JsonRecord = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface Page {
  readonly items: readonly unknown[];
  readonly total: number;
}

/** Spotify's paging object: `{ href, items, limit, next, offset, previous, total }`. */
export function readPage(value: unknown): Page | undefined {
  if (!isRecord(value) || !Array.isArray(value.items)) return undefined;
  // A total that is not a count is not believed; a huge one is bounded where pages are planned.
  const total =
    typeof value.total === 'number' && Number.isSafeInteger(value.total) && value.total >= 0
      ? value.total
      : value.items.length;
  return { items: value.items as unknown[], total };
}

/** What a crawl context records about where a request sits: its collection and offset. */
export interface WorkContext {
  readonly subject: string;
  readonly offset: number;
  readonly album: JsonRecord | undefined;
}

export function readContext(value: unknown): WorkContext {
  const record = isRecord(value) ? value : {};
  return {
    subject: typeof record.subject === 'string' ? record.subject : '',
    offset: typeof record.offset === 'number' ? record.offset : 0,
    album: isRecord(record.album) ? record.album : undefined,
  };
}
