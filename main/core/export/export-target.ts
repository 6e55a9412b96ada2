import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describeFsError, ExportError } from './export-error.ts';

/**
 * The temporary name a file is written under until it is complete: hidden, in the same folder
 * (so the final rename is atomic), and carrying the writer's pid, so a leftover of a killed
 * export can be told from the work of one still running.
 */
export function partialName(path: string, pid = process.pid): string {
  return join(dirname(path), `.${basename(path)}.${pid}.partial`);
}

const partialPattern = /^\.(.+)\.(\d+)\.partial$/;

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return error instanceof Error && 'code' in error && error.code === 'EPERM';
  }
}

/**
 * Removes what killed exports left in `dir` for these file names: `.NAME.PID.partial` files
 * whose process is gone, and the `NAME.partial` of earlier Earshot versions.
 */
function removeStalePartials(dir: string, names: readonly string[]): void {
  for (const entry of readdirSync(dir)) {
    const match = partialPattern.exec(entry);
    const isStale =
      (match !== null && names.includes(match[1]) && !isRunning(Number(match[2]))) ||
      names.some((name) => entry === `${name}.partial`);
    if (isStale) rmSync(join(dir, entry), { force: true });
  }
}

function ensureFolder(dir: string): void {
  let isFolder: boolean;
  try {
    isFolder = statSync(dir).isDirectory();
  } catch {
    // Only the last folder is made: a recursive mkdir spins forever under /proc, and a
    // mistyped parent is a mistake to report, not a tree to create.
    try {
      mkdirSync(dir);
      return;
    } catch (error) {
      throw new ExportError(
        'cannot-write',
        dir,
        `Cannot create the folder ${dir}: ${describeFsError(error)}.`,
        { cause: error },
      );
    }
  }
  if (!isFolder)
    throw new ExportError(
      'not-a-folder',
      dir,
      `${dir} is a file; give a folder to write songs.csv and user_ratings.csv into.`,
    );
}

/**
 * Makes sure `dir` can take the export's files: it is (or becomes) a folder, none of the files
 * exists unless `force` allows replacing it, and leftovers of killed exports are cleared.
 * Nothing is written when this throws.
 */
export function prepareExportFolder(dir: string, names: readonly string[], force: boolean): void {
  ensureFolder(dir);
  if (!force) {
    const existing = names.filter((name) => {
      try {
        statSync(join(dir, name));
        return true;
      } catch {
        return false;
      }
    });
    if (existing.length > 0)
      throw new ExportError(
        'exists',
        join(dir, existing[0]),
        `${existing.map((name) => join(dir, name)).join(' and ')} already ${existing.length > 1 ? 'exist' : 'exists'}; --force replaces ${existing.length > 1 ? 'them' : 'it'}.`,
      );
  }
  try {
    removeStalePartials(dir, names);
  } catch (error) {
    throw new ExportError(
      'cannot-write',
      dir,
      `Cannot write to ${dir}: ${describeFsError(error)}.`,
      { cause: error },
    );
  }
}
