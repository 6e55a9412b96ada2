/**
 * Run as a child process by the concurrency tests: waits for a line on stdin (so that several
 * children start together), opens the database at argv[2] with the store, writes one setting
 * and exits 0; on an error, prints its code and message on stderr and exits 1.
 */
import { once } from 'node:events';
import { openStore } from '../../main/core/store/store.ts';

const [dbPath] = process.argv.slice(2);
if (dbPath === undefined) throw new Error('usage: open-child DB');
process.stdin.setEncoding('utf8');
process.stdout.write('ready\n');
await once(process.stdin, 'data');
process.stdin.destroy();
try {
  const store = openStore(dbPath);
  store.settings.set(`child.${process.pid}`, true);
  store.close();
} catch (error) {
  const code = error instanceof Error && 'code' in error ? String(error.code) : 'unknown';
  process.stderr.write(`${code}: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
