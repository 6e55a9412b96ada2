import { isUtf8 } from 'node:buffer';
import { ImportError } from './import-error.ts';

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * Turns a file's bytes into text, accepting UTF-8 (with or without a byte-order mark) and
 * rejecting anything else with the line where it stops being UTF-8.
 */
export function decodeText(bytes: Uint8Array, file: string): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new ImportError(
      'encoding',
      file,
      `${file} is UTF-16 text; save it as UTF-8 and import again.`,
    );
  }
  // Buffer decodes natively, several times faster than a fatal TextDecoder on the hundreds of
  // megabytes a listening history can be. Bad bytes decode to U+FFFD, so text without one is
  // valid (an all-ASCII string cannot hold it: no scan at all); with one, isUtf8 decides.
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  if (!text.includes('\uFFFD') || isUtf8(bytes))
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const line = lineAt(text, text.indexOf('\uFFFD'));
  throw new ImportError(
    'encoding',
    file,
    `${file}:${line}: not UTF-8 text (MovieLens 1M's movies.dat is Latin-1, but ratings files are plain ASCII: is this the right file?)`,
    [{ line, reason: 'not UTF-8 text' }],
  );
}
