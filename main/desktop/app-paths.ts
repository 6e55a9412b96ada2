import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { resolveDatabasePath } from '../core/store/data-location.ts';

export interface AppPathsInput {
  /** `app.getAppPath()`: the project folder from a checkout, `…/resources/app.asar` packaged. */
  readonly appPath: string;
  /** `process.resourcesPath`: where electron-builder puts `extraResources`. */
  readonly resourcesPath: string;
  readonly isPackaged: boolean;
  readonly env: NodeJS.ProcessEnv;
  readonly platform?: NodeJS.Platform;
}

export interface AppPaths {
  readonly rendererIndex: string;
  /** The page's file:// URL: the only page the window shows and the only IPC sender trusted. */
  readonly rendererUrl: string;
  readonly preload: string;
  readonly catalog: string;
  readonly database: string;
  /** The folder of the database; Electron's `userData` is set to it. */
  readonly dataDir: string;
  /** The window icon from a checkout; a packaged app uses the one its installer registered. */
  readonly windowIcon: string | undefined;
}

/**
 * Every file the shell opens, from a checkout (`npm start`) or a packaged app. The database is
 * where the CLI looks too (`EARSHOT_DB`, else the per-user data folder), so both share it.
 */
export function resolveAppPaths(input: AppPathsInput): AppPaths {
  const { appPath, resourcesPath, isPackaged } = input;
  const rendererIndex = join(appPath, 'out', 'renderer', 'index.html');
  const database = resolveDatabasePath(undefined, input.env, input.platform);
  return {
    rendererIndex,
    rendererUrl: pathToFileURL(rendererIndex).href,
    preload: join(appPath, 'out', 'preload', 'index.cjs'),
    catalog: isPackaged
      ? join(resourcesPath, 'catalog', 'catalog.json')
      : join(appPath, 'resources', 'catalog', 'catalog.json'),
    database,
    dataDir: dirname(database),
    windowIcon: isPackaged ? undefined : join(appPath, 'resources', 'icon-512.png'),
  };
}
