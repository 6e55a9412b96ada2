import { fileURLToPath } from 'node:url';
import wabtInit from 'wabt';
import { describe, expect, it } from 'vitest';
import { scoreModuleBytes } from '../../../../main/core/recommender/kernels/score-kernel.ts';
import { sgdModuleBytes } from '../../../../main/core/recommender/kernels/sgd-kernel.ts';

/**
 * The committed .wat listings are the kernels' readable form. They are checked, not trusted:
 * each is regenerated from the bytes the TypeScript builder emits (disassembled by wabt, which
 * also validates the module) and must match. After changing a kernel, `npm run kernels:wat`
 * rewrites them; review the diff like any other.
 */
const wabt = await wabtInit();
const kernelsDir = fileURLToPath(
  new URL('../../../../main/core/recommender/kernels/', import.meta.url),
);

function listing(bytes: Uint8Array, source: string): string {
  const module = wabt.readWasm(bytes, { readDebugNames: true, simd: true, threads: true });
  try {
    module.generateNames(); // labels and the type, which the name section does not name
    module.applyNames();
    const text = module.toText({ foldExprs: false, inlineExport: false });
    return `;; Generated from ${source} by \`npm run kernels:wat\`; do not edit by hand.\n${text}`;
  } finally {
    module.destroy();
  }
}

describe('the committed .wat listings', () => {
  it('score-kernel.wat is the disassembly of the score kernel as built', async () => {
    await expect(listing(scoreModuleBytes(), 'score-kernel.ts')).toMatchFileSnapshot(
      `${kernelsDir}score-kernel.wat`,
    );
  });

  it('sgd-kernel.wat is the disassembly of the SGD kernel as built', async () => {
    await expect(listing(sgdModuleBytes(false), 'sgd-kernel.ts')).toMatchFileSnapshot(
      `${kernelsDir}sgd-kernel.wat`,
    );
  });

  it('shows the SGD kernel for a shared memory differing only in the memory import', () => {
    const lines = (shared: boolean) => listing(sgdModuleBytes(shared), 'sgd-kernel.ts').split('\n');
    const [plain, shared] = [lines(false), lines(true)];
    const differing = plain.flatMap((line, at) =>
      line === shared[at] ? [] : [[line, shared[at]]],
    );
    expect(shared).toHaveLength(plain.length);
    expect(differing).toEqual([
      [
        '  (import "env" "memory" (memory $env.memory 1))',
        '  (import "env" "memory" (memory $env.memory 1 65536 shared))',
      ],
    ]);
  });

  it('names every parameter and local in the listing', () => {
    const text = listing(sgdModuleBytes(false), 'sgd-kernel.ts');
    expect(text).toContain('(func $sgdEpoch (type $t0) (param $users i32)');
    expect(text).toContain('(local $at i32)');
    expect(text).toContain('local.set $userShrink');
    expect(text).not.toMatch(/\$[pl]\d+\b/); // wabt's numbered fallbacks
  });
});
