import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { earshotBin, startChild } from '../helpers/child-process.ts';
import { buildTrainedDatabase, copyDatabase } from '../helpers/trained-store.ts';

const prompt = "stars (1-5, 0 = don't know it)> ";

/** util-linux `script` runs a command in a pseudo-terminal, without a native module. */
const hasScript = process.platform === 'linux' && spawnSync('script', ['--version']).status === 0;

/** Children whose input the tests hold open; a failing test would leave them waiting. */
const started: ChildProcess[] = [];
afterEach(() => {
  for (const child of started.splice(0)) {
    child.stdin?.destroy();
    if (child.exitCode === null) child.kill();
  }
});

const shellQuote = (word: string) => `'${word.replaceAll("'", `'\\''`)}'`;

/**
 * Runs `earshot recommend` in a pseudo-terminal, typing each answer once its prompt shows, and
 * never closing the terminal's input: resolves to the exit code and everything shown.
 */
function recommendInTerminal(
  args: readonly string[],
  answers: readonly string[],
): Promise<{ code: number | null; shown: string }> {
  const command = [process.execPath, earshotBin, 'recommend', ...args].map(shellQuote).join(' ');
  const terminal = spawn('script', ['-qfec', command, '/dev/null'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  started.push(terminal);
  let shown = '';
  let typed = 0;
  terminal.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    shown += chunk;
    const asked = shown.split(prompt).length - 1;
    while (typed < Math.min(asked, answers.length)) terminal.stdin.write(`${answers[typed++]}\n`);
  });
  return new Promise((resolve) => terminal.on('exit', (code) => resolve({ code, shown })));
}

let trained: Awaited<ReturnType<typeof buildTrainedDatabase>>;
beforeAll(async () => {
  trained = await buildTrainedDatabase(300);
});
afterAll(() => trained.remove());

describe('earshot recommend ends once the picks are printed', () => {
  it('exits 0 on its own while its piped input stays open, echoing each answer after its prompt', async () => {
    const db = copyDatabase(trained.path);
    const child = startChild(earshotBin, ['recommend', '--db', db, '--rate', '2', '--top', '2']);
    started.push(child.process);
    child.process.stdin.write('5\n4\n'); // and never ended
    expect(await child.exited).toBe(0);
    const out = child.stdout();
    expect(out).toContain('Your top 2, the likeliest first:');
    expect(out).toContain(`[1/2]`);
    expect(out).toContain(`${prompt}5\n`);
    expect(out).toContain(`${prompt}4\n`);
  });

  it.skipIf(!hasScript)(
    'exits 0 on its own in a terminal, which shows each answer once (its own echo)',
    async () => {
      const db = copyDatabase(trained.path);
      const { code, shown } = await recommendInTerminal(
        ['--db', db, '--rate', '2', '--top', '2'],
        ['5', '4'],
      );
      expect(code).toBe(0);
      expect(shown).toContain('Your top 2, the likeliest first:');
      expect(shown).toContain(`${prompt}5\r\n`);
      expect(shown).not.toContain(`${prompt}5\r\n5\r\n`);
      expect(shown.match(/predicted/g)).toHaveLength(2);
    },
  );
});
