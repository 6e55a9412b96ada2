/**
 * The main process as tsc compiles it for Electron (`out/main`, ESM, `.js` imports), run under
 * plain Node with a stub for `electron`: the compiled imports resolve, the compiled worker
 * trains, the contract's channels answer. The packaged layout itself needs electron-builder.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'earshot-compiled-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the compiled main process', () => {
  it('starts, trains its first model in the compiled worker and answers its own page', () => {
    // A project of its own: ESM like Earshot's, with Earshot's node_modules.
    writeFileSync(join(work, 'package.json'), '{ "type": "module" }');
    symlinkSync(join(root, 'node_modules'), join(work, 'node_modules'), 'junction');
    const outDir = join(work, 'out');
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    execFileSync(process.execPath, [
      tsc,
      '-p',
      join(root, 'tsconfig.main.json'),
      '--outDir',
      outDir,
    ]);
    const output = execFileSync(
      process.execPath,
      [join(root, 'test', 'desktop', 'compiled', 'run-main.ts'), outDir],
      {
        env: {
          ...process.env,
          EARSHOT_DB: join(work, 'data', 'earshot.db'),
          EARSHOT_APP_PATH: root,
        },
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    const result = JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as {
      loadedFile: string;
      sent: string[];
      state: { ok: boolean; value?: { catalog: { tracks: number }; model: unknown } };
      stranger: { ok: boolean; error?: { code: string } };
    };
    expect(result.loadedFile).toBe(join(root, 'out', 'renderer', 'index.html'));
    expect(result.sent).toEqual(expect.arrayContaining(['training:progress', 'model:ready']));
    expect(result.state.ok).toBe(true);
    expect(result.state.value?.catalog.tracks).toBeGreaterThan(700);
    expect(result.state.value?.model).not.toBeNull();
    expect(result.stranger).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  }, 120_000);
});
