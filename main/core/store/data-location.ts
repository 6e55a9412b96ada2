import { homedir } from 'node:os';
import { join } from 'node:path';

/** The app's folder name, as Electron derives `userData` from `productName`. */
const appFolderName = 'Earshot';
const databaseFileName = 'earshot.db';

/**
 * The per-user data folder, identical to Electron's `app.getPath('userData')` so that the CLI
 * and the desktop app share one database: `%APPDATA%\Earshot` on Windows,
 * `~/Library/Application Support/Earshot` on macOS, `$XDG_CONFIG_HOME/Earshot` (default
 * `~/.config/Earshot`) elsewhere.
 */
export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  if (platform === 'win32')
    return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), appFolderName);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', appFolderName);
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), appFolderName);
}

/** Where the database lives: an explicit `--db`, else `EARSHOT_DB`, else the data folder. */
export function resolveDatabasePath(
  explicit: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  return resolveDatabaseLocation(explicit, env, platform).path;
}

/**
 * {@link resolveDatabasePath}, and whether it is the per-user default. Only the default's
 * folder may be created on a first run: a path the user typed names a folder that must exist.
 */
export function resolveDatabaseLocation(
  explicit: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): { readonly path: string; readonly isDefault: boolean } {
  if (explicit) return { path: explicit, isDefault: false };
  if (env.EARSHOT_DB) return { path: env.EARSHOT_DB, isDefault: false };
  return { path: join(defaultDataDir(platform, env), databaseFileName), isDefault: true };
}
