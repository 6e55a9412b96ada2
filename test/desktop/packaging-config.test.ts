import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FuseV1Options } from '@electron/fuses';
import type { Configuration } from 'electron-builder';
import { beforeAll, describe, expect, it } from 'vitest';
import afterPack from '../../packaging/after-pack.ts';
import { earshotFuses, electronBinaryPath } from '../../packaging/electron-fuses.ts';
import { markCoreAsEsm } from '../../packaging/mark-core-esm.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { loadBuilderConfig, packagedFilter } from './builder-internals.ts';
import type { BuilderPlatform } from './builder-internals.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
let config: Configuration;
beforeAll(async () => {
  config = await loadBuilderConfig(root);
});

const prebuilds = [
  'darwin-arm64',
  'darwin-x64',
  'linux-arm64',
  'linux-x64',
  'linuxmusl-arm64',
  'linuxmusl-x64',
  'win32-arm64',
  'win32-x64',
];
const nodePlatform: Record<BuilderPlatform, string> = {
  mac: 'darwin',
  linux: 'linux',
  win: 'win32',
};

describe('what electron-builder packs', () => {
  it('passes electron-builder’s own schema check', () => {
    expect(config.afterPack).toBe('./packaging/after-pack.ts');
    expect(config.npmRebuild).toBe(false);
  });

  it.each(['mac', 'linux', 'win'] as const)(
    'ships only the better-sqlite3 prebuild of the %s package’s OS and CPU',
    (platform) => {
      for (const arch of ['x64', 'arm64'] as const) {
        const packs = packagedFilter(root, config, platform, arch);
        const shipped = prebuilds.filter((name) =>
          packs(`node_modules/better-sqlite3/prebuilds/${name}.node`),
        );
        expect(shipped, arch).toEqual([`${nodePlatform[platform]}-${arch}`]);
        expect(packs('node_modules/better-sqlite3/lib/index.js')).toBe(true);
        expect(packs('node_modules/better-sqlite3/src/better_sqlite3.cpp')).toBe(false);
      }
    },
  );

  it.each(['mac', 'linux', 'win'] as const)(
    'ships the compiled app for %s, without sources, source maps or the preload’s ESM copies',
    (platform) => {
      const packs = packagedFilter(root, config, platform, 'x64');
      expect(packs('out/main/index.js')).toBe(true);
      expect(packs('out/main/core/package.json')).toBe(true);
      expect(packs('out/preload/index.cjs')).toBe(true);
      expect(packs('out/renderer/index.html')).toBe(true);
      expect(packs('package.json')).toBe(true);
      for (const file of [
        'main/core/store/store.ts',
        'renderer/src/App.svelte',
        'test/desktop/packaging-config.test.ts',
        'out/main/index.js.map',
        'out/main/core/store/store.js.map',
        'out/preload/api.js',
        'out/preload/index.js',
        'node_modules/better-sqlite3/lib/index.js.map',
      ])
        expect(packs(file), file).toBe(false);
    },
  );
});

describe('Electron fuses', () => {
  it('turn off RunAsNode, NODE_OPTIONS and --inspect; turn on cookie encryption and asar integrity', () => {
    const fuses = earshotFuses('linux');
    expect(fuses[FuseV1Options.RunAsNode]).toBe(false);
    expect(fuses[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
    expect(fuses[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
    expect(fuses[FuseV1Options.EnableCookieEncryption]).toBe(true);
    expect(fuses[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
    expect(fuses[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
    expect(earshotFuses('darwin').resetAdHocDarwinSignature).toBe(true);
    expect(fuses.resetAdHocDarwinSignature).toBe(false);
  });

  it('are flipped on the binary electron-builder packed, wherever each OS puts it', () => {
    const app = { appOutDir: '/dist/x', productFilename: 'Earshot', executableName: 'earshot' };
    expect(electronBinaryPath({ ...app, platform: 'darwin' })).toBe('/dist/x/Earshot.app');
    expect(electronBinaryPath({ ...app, platform: 'win32' })).toBe(join('/dist/x', 'Earshot.exe'));
    expect(electronBinaryPath({ ...app, platform: 'linux' })).toBe(join('/dist/x', 'earshot'));
    expect(typeof afterPack).toBe('function');
  });

  it('@electron/fuses is a pinned dependency', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      devDependencies: Record<string, string>;
    };
    expect(manifest.devDependencies['@electron/fuses']).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe('the unpacked core', () => {
  /** An ES-module worker as the packaged app has it: outside the asar, without the project's package.json. */
  function unpackedWorker(withMarker: boolean): string {
    const out = join(makeTempDir(), 'app.asar.unpacked', 'out');
    const dir = join(out, 'main', 'core', 'training');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'worker.js'),
      'export const kind = "esm";\nconsole.log(import.meta.url.length > 0);\n',
    );
    if (withMarker) markCoreAsEsm(out);
    return join(dir, 'worker.js');
  }

  const runWithoutGuessing = (file: string) =>
    spawnSync(process.execPath, ['--no-experimental-detect-module', file], { encoding: 'utf8' });

  it('is marked {"type":"module"}, so Node never guesses its workers’ module system', () => {
    const marked = runWithoutGuessing(unpackedWorker(true));
    expect(marked.status, marked.stderr).toBe(0);
    expect(marked.stdout.trim()).toBe('true');
    expect(runWithoutGuessing(unpackedWorker(false)).status).not.toBe(0);
  });

  it('gets its marker from npm run build', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(manifest.scripts.build).toMatch(
      /^tsc -p tsconfig\.main\.json && node packaging\/mark-core-esm\.ts && /,
    );
    const out = makeTempDir();
    execFileSync(process.execPath, [join(root, 'packaging', 'mark-core-esm.ts')], { cwd: out });
    expect(config.asarUnpack).toContain('out/main/core/**');
  });
});
