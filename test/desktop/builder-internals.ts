/**
 * electron-builder's own configuration loader, schema check and file filters, so the packaging
 * tests judge electron-builder.yml exactly as `npm run dist` would (electron-builder is pinned,
 * so these internal modules do not move under the tests).
 */
import type { Configuration } from 'electron-builder';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const requireFromBuilder = createRequire(createRequire(import.meta.url).resolve('app-builder-lib'));

interface ConfigModule {
  getConfig(projectDir: string, configPath: null, fromOptions: null): Promise<Configuration>;
  validateConfiguration(config: Configuration, logger: { isEnabled: boolean }): Promise<void>;
}
interface Matcher {
  createFilter(): (file: string, stat: { isDirectory(): boolean }) => boolean;
}
interface FileMatcherModule {
  getMainFileMatchers(
    appDir: string,
    destination: string,
    expand: (pattern: string) => string,
    platformOptions: unknown,
    platformPackager: unknown,
    outDir: string,
    isElectronCompile: boolean,
  ): Matcher[];
  getNodeModuleFileMatcher(
    appDir: string,
    destination: string,
    expand: (pattern: string) => string,
    platformOptions: unknown,
    packager: unknown,
  ): Matcher;
}

const configModule = requireFromBuilder('./util/config/config.js') as ConfigModule;
const fileMatchers = requireFromBuilder('./fileMatcher.js') as FileMatcherModule;

export async function loadBuilderConfig(projectDir: string): Promise<Configuration> {
  const config = await configModule.getConfig(projectDir, null, null);
  await configModule.validateConfiguration(config, { isEnabled: false });
  return config;
}

export type BuilderPlatform = 'mac' | 'linux' | 'win';

/**
 * Whether a file of the project (a path relative to it) goes into the package built for
 * `platform` and `arch`: the app's files and the production node_modules filtered as
 * electron-builder filters them.
 */
export function packagedFilter(
  projectDir: string,
  config: Configuration,
  platform: BuilderPlatform,
  arch: 'x64' | 'arm64',
): (relativePath: string) => boolean {
  const expand = (pattern: string): string =>
    pattern.replace(/\$\{arch\}/g, arch).replace(/\$\{os\}/g, platform);
  const info = {
    projectDir,
    buildResourcesDir: config.directories?.buildResources ?? 'build',
    isPrepackedAppAsar: false,
    config,
    debugLogger: { isEnabled: false },
  };
  const options = config[platform] ?? {};
  const mains = fileMatchers.getMainFileMatchers(
    projectDir,
    '/packed',
    expand,
    options,
    { info },
    join(projectDir, 'dist'),
    false,
  );
  const modules = fileMatchers.getNodeModuleFileMatcher(
    projectDir,
    '/packed',
    expand,
    options,
    info,
  );
  // Each matcher copies on its own: a file is packed when any of them takes it.
  const mainFilters = mains.map((matcher) => matcher.createFilter());
  const moduleFilter = modules.createFilter();
  const file = { isDirectory: () => false };
  return (relativePath) =>
    relativePath.startsWith('node_modules/')
      ? moduleFilter(join(projectDir, relativePath), file)
      : mainFilters.some((filter) => filter(join(projectDir, relativePath), file));
}
