/**
 * Run as a child process by the lock tests: opens the SQLite file at argv[2] with a plain
 * connection, takes the write lock (BEGIN IMMEDIATE), writes a row to `settings` as another
 * Earshot process would, prints "locked", and commits when a line arrives on stdin. Prints
 * "released" and exits after the commit.
 */
import Sqlite from 'better-sqlite3';
import { once } from 'node:events';

const [dbPath] = process.argv.slice(2);
if (dbPath === undefined) throw new Error('usage: lock-holder DB');
const db = new Sqlite(dbPath, { fileMustExist: true });
db.exec('BEGIN IMMEDIATE');
db.prepare("INSERT OR REPLACE INTO settings (key, value) VALUES ('holder', '1')").run();
process.stdin.setEncoding('utf8');
process.stdout.write('locked\n');
await once(process.stdin, 'data');
process.stdin.destroy();
db.exec('COMMIT');
db.close();
process.stdout.write('released\n');
