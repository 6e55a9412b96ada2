import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTrainedDatabase } from '../helpers/trained-store.ts';

const earshot = fileURLToPath(new URL('../../bin/earshot.js', import.meta.url));

let trained: Awaited<ReturnType<typeof buildTrainedDatabase>>;
beforeAll(async () => {
  trained = await buildTrainedDatabase(200);
});
afterAll(() => trained.remove());

it('ends quietly when the reader closes the pipe early (`| head`), with no stack trace', async () => {
  const child = spawn(
    process.execPath,
    [earshot, 'picks', '--db', trained.path, '--top', '50', '--json'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  // The reader is gone before the first byte: every write meets a closed pipe.
  child.stdout.destroy();
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  expect(stderr).toBe('');
  expect(code).toBe(0);
});
