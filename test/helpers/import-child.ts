/**
 * Run as a child process by the crash test: imports a ratings file into a database and reports
 * each progress step on stdout, so the parent can `kill -9` it in the middle of the write.
 */
import { importRatingsFile } from '../../main/core/ratings/import/import-ratings.ts';
import { openStore } from '../../main/core/store/store.ts';

const [dbPath, csvPath] = process.argv.slice(2);
if (dbPath === undefined || csvPath === undefined) throw new Error('usage: import-child DB CSV');
const store = openStore(dbPath);
const summary = importRatingsFile(store, csvPath, {
  onProgress: ({ phase, done }) => process.stdout.write(`${phase} ${done}\n`),
});
process.stdout.write(`done ${summary.imported}\n`);
store.close();
