import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import type { Server } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../main/cli/main.ts';
import { captureIo } from '../helpers/capture-io.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

let blocker: Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => (blocker ? blocker.close(resolve) : resolve(undefined)));
  blocker = undefined;
});

/** Holds a port on 127.0.0.1, as another program would. */
async function occupyPort(): Promise<number> {
  const server = createServer();
  blocker = server;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('earshot serve --port P when P is taken', () => {
  it('says so in one line, exits 1, and creates no database', async () => {
    const port = await occupyPort();
    const db = join(makeTempDir(), 'earshot.db');
    const io = captureIo();
    expect(await main(['serve', '--port', String(port), '--db', db], io)).toBe(1);
    expect(io.stderr()).toBe(
      `earshot serve: port ${port} on 127.0.0.1 is already in use; choose another with --port, or --port 0 for any free one.\n`,
    );
    expect(io.stdout()).toBe('');
    expect(existsSync(db)).toBe(false);
  });
});
