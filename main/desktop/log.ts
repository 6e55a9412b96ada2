import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
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

export interface LogOptions {
  /**
   * Once the file passes this size it becomes `FILE.1` (replacing the previous one) and a new
   * file starts, so the log never holds more than about twice this. Default 1 MiB.
   */
  readonly maxBytes?: number;
  /** Where lines are echoed as well; stderr (the terminal of `npm start`) by default. */
  readonly echo?: (line: string) => void;
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/**
 * Appends timestamped lines to `file` (the app's logs folder), and to stderr, which a terminal
 * shows during `npm start`. The file is capped by rotation: an app that logs a failure on every
 * click for months must not fill the disk. Logging never throws: a full disk must not take the
 * app down.
 */
export function createLog(file: string, options: LogOptions = {}): Log {
  const maxBytes = options.maxBytes ?? 1024 * 1024;
  const echo = options.echo ?? ((line: string) => void process.stderr.write(line));
  let size: number | undefined;
  return (message, error) => {
    const detail = error === undefined ? '' : `: ${describe(error)}`;
    const line = `${new Date().toISOString()} ${message}${detail}\n`;
    echo(line);
    try {
      mkdirSync(dirname(file), { recursive: true });
      size ??= sizeOf(file);
      if (size > 0 && size + Buffer.byteLength(line) > maxBytes) {
        renameSync(file, `${file}.1`);
        size = 0;
      }
      appendFileSync(file, line);
      size += Buffer.byteLength(line);
    } catch {
      // Nowhere better to report it.
      size = undefined;
    }
  };
}
