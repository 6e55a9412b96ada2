import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { decodeText } from './decode-text.ts';
import { ImportError } from './import-error.ts';

/** A file's UTF-8 text and the name messages call it by; unreadable or non-UTF-8 is refused. */
export function readTextFile(path: string): { text: string; name: string } {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new ImportError('unreadable', path, `Cannot read ${path}: ${(error as Error).message}`);
  }
  const name = basename(path);
  return { text: decodeText(bytes, name), name };
}
