import type { IncomingMessage } from 'node:http';
import { timingSafeEqual } from 'node:crypto';

/**
 * The Host header must name this server on loopback. A page from elsewhere that rebinds its own
 * DNS name to 127.0.0.1 sends its own name here, and is turned away.
 */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/** Compares a presented token with the launch token in constant time. */
export function hasToken(presented: string | null | undefined, token: string): boolean {
  if (typeof presented !== 'string') return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

const maxBodyBytes = 64 * 1024;

/** Reads a request body up to `maxBytes` (64 KiB by default); undefined when it is larger. */
export async function readBody(
  request: IncomingMessage,
  maxBytes = maxBodyBytes,
): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > maxBytes) return undefined;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
