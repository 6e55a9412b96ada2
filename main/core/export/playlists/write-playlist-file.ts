import { statSync } from 'node:fs';
import { ExportError } from '../export-error.ts';
import { writeAtomically } from '../write-atomically.ts';

/**
 * Refuses, before any work, what {@link writePlaylistFile} would refuse: a folder, or an
 * existing file unless `force` allows replacing it (as `earshot export` does).
 */
export function checkPlaylistTarget(path: string, options: { readonly force: boolean }): void {
  let isFolder = false;
  let exists = false;
  try {
    isFolder = statSync(path).isDirectory();
    exists = true;
  } catch {
    // Not there yet: the usual case.
  }
  if (isFolder)
    throw new ExportError('cannot-write', path, `${path} is a folder; give a file name to write.`);
  if (exists && !options.force)
    throw new ExportError('exists', path, `${path} already exists; --force replaces it.`);
}

/**
 * Saves a playlist's text at `path` after {@link checkPlaylistTarget}, through a temporary
 * name that is then renamed, so a reader never sees half of it.
 */
export async function writePlaylistFile(
  path: string,
  text: string,
  options: { readonly force: boolean },
): Promise<void> {
  checkPlaylistTarget(path, options);
  await writeAtomically(path, [text.replace(/\n$/, '')]);
}
