import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../helpers/temp-dir.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('the preload bundle', () => {
  it('is one CommonJS file that requires electron and nothing else', async () => {
    const outDir = makeTempDir();
    await build({
      configFile: join(root, 'vite.preload.config.ts'),
      logLevel: 'silent',
      build: { outDir },
    });
    const code = readFileSync(join(outDir, 'index.cjs'), 'utf8');
    const required = [...code.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
    expect(required).toEqual(['electron']);
    expect(code).not.toMatch(/^\s*import\s/m);
    // A sandboxed preload has no `exports` to write to.
    expect(code).not.toMatch(/\bexports\b/);
    expect(code).toContain('exposeInMainWorld("earshot"');
    // The channels come from the contract, inlined.
    expect(code).toContain('"app:get-state"');
  });
});

describe('electron-builder.yml', () => {
  const config = readFileSync(join(root, 'electron-builder.yml'), 'utf8');
  const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    main: string;
    scripts: Record<string, string>;
  };

  it('never rebuilds the native addon: better-sqlite3 13 is Node-API', () => {
    expect(config).toMatch(/^npmRebuild: false$/m);
    expect(config).toMatch(/^buildDependenciesFromSource: false$/m);
  });

  it('unpacks the native addon and the worker code from the asar', () => {
    expect(config).toMatch(/^ {2}- node_modules\/better-sqlite3\/\*\*$/m);
    expect(config).toMatch(/^ {2}- out\/main\/core\/\*\*$/m);
  });

  it('ships the catalog where main looks for it, and the app where package.json points', () => {
    expect(config).toMatch(/- from: resources\/catalog\n\s+to: catalog/);
    expect(packageJson.main).toBe('out/main/index.js');
    expect(config).toMatch(/^ {2}- out\/\*\*$/m);
  });

  it('is built by npm run build, with the preload as its own bundle', () => {
    expect(packageJson.scripts.build).toContain('vite build -c vite.preload.config.ts');
    expect(packageJson.scripts.dist).toBe('npm run build && electron-builder');
    expect(packageJson.scripts.start).toBe('npm run build && electron .');
  });
});
