import type { ServerResponse } from 'node:http';

/** Body bytes counted as a fake answer streams them (see `LoggedRequest.bodyBytes`). */
export interface ByteCount {
  bodyBytes: number;
}

/** Replaces `total` in every paging object (an object with `items` and `total`) of `body`. */
export function inflateTotals(value: unknown, total: number): unknown {
  if (Array.isArray(value)) return value.map((item) => inflateTotals(item, total));
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value).map(([key, item]) => [key, inflateTotals(item, total)]);
  const record = Object.fromEntries(entries) as Record<string, unknown>;
  if (Array.isArray(record.items) && typeof record.total === 'number') record.total = total;
  return record;
}

/** Streams `{"pad":"xxxx…"}` of about `bytes` bytes, honouring backpressure; counts what went. */
export async function streamHugeBody(
  res: ServerResponse,
  bytes: number,
  entry: ByteCount,
): Promise<void> {
  res.writeHead(200, { 'Content-Type': 'application/json' });
  const chunk = 'x'.repeat(64 * 1024);
  const write = (text: string): Promise<void> =>
    new Promise((resolve) => {
      entry.bodyBytes += Buffer.byteLength(text);
      if (res.write(text)) resolve();
      else res.once('drain', resolve);
    });
  await write('{"pad":"');
  while (entry.bodyBytes < bytes - 2 && !res.destroyed) await write(chunk);
  res.end('"}');
}
