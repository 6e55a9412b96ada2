import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

function describe(error: unknown): string {
  if (error instanceof Error) return error.stack ?? error.message;
  try {
    return JSON.stringify(error);
  } catch {
    return typeof error;
  }
}

export type Log = (message: string, error?: unknown) => void;

/**
 * Appends timestamped lines to `file` (the app's logs folder), and to stderr, which a terminal
 * shows during `npm start`. Logging never throws: a full disk must not take the app down.
 */
export function createLog(file: string): Log {
  return (message, error) => {
    const detail = error === undefined ? '' : `: ${describe(error)}`;
    const line = `${new Date().toISOString()} ${message}${detail}\n`;
    process.stderr.write(line);
    try {
      mkdirSync(dirname(file), { recursive: true });
      appendFileSync(file, line);
    } catch {
      // Nowhere better to report it.
    }
  };
}
