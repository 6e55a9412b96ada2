import { open, rename, rm } from 'node:fs/promises';
import { describeFsError, ExportError } from './export-error.ts';
import { partialName } from './export-target.ts';

/** Lines are written in batches of this many; between batches the writer checks its signal. */
const linesPerBatch = 5000;

/**
 * Writes `lines` to `path` through a temporary name in the same folder, flushed to disk and
 * then renamed over `path`: a reader sees the old file or the whole new one, never half. On an
 * error or an abort the temporary file is removed and `path` is left as it was.
 */
export async function writeAtomically(
  path: string,
  lines: Iterable<string>,
  options: { signal?: AbortSignal; onLines?: (written: number) => void } = {},
): Promise<number> {
  const partial = partialName(path);
  let handle;
  try {
    handle = await open(partial, 'w');
  } catch (error) {
    throw new ExportError(
      'cannot-write',
      path,
      `Cannot write ${path}: ${describeFsError(error)}.`,
      { cause: error },
    );
  }
  let written = 0;
  try {
    let batch: string[] = [];
    for (const line of lines) {
      batch.push(line, '\n');
      if (batch.length < linesPerBatch * 2) continue;
      options.signal?.throwIfAborted();
      await handle.write(batch.join(''));
      written += batch.length / 2;
      batch = [];
      options.onLines?.(written);
    }
    options.signal?.throwIfAborted();
    await handle.write(batch.join(''));
    written += batch.length / 2;
    await handle.sync();
    await handle.close();
    await rename(partial, path);
    return written;
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(partial, { force: true });
    if (error instanceof ExportError || (error instanceof Error && error.name === 'AbortError'))
      throw error;
    throw new ExportError(
      'cannot-write',
      path,
      `Cannot write ${path}: ${describeFsError(error)}.`,
      { cause: error },
    );
  }
}
