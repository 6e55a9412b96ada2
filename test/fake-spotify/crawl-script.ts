/**
 * A crawl in its own process, for tests that kill it mid-way and for trying the crawler by hand:
 *
 *   EARSHOT_SPOTIFY_API_URL=… EARSHOT_SPOTIFY_ACCOUNTS_URL=… \
 *   EARSHOT_SPOTIFY_CLIENT_ID=… EARSHOT_SPOTIFY_CLIENT_SECRET=… \
 *   node test/fake-spotify/crawl-script.ts <db> <source>…
 *
 * Prints one JSON line per progress event (`{"progress":…}`) and the summary last
 * (`{"summary":…}`); exits 2 on bad arguments.
 */
import { parseSources } from '../../main/core/spotify/parse-source.ts';
import { runCrawl } from '../../main/core/spotify/run-crawl.ts';
import { openStore } from '../../main/core/store/store.ts';

const [dbPath, ...texts] = process.argv.slice(2);
const parsed = parseSources(texts);
if (dbPath === undefined || !parsed.ok) {
  process.stderr.write(
    `usage: crawl-script.ts <db> <source>…\n${parsed.ok ? '' : parsed.errors.join('\n')}\n`,
  );
  process.exit(2);
}
const store = openStore(dbPath);
try {
  const summary = await runCrawl(store, parsed.sources, {
    credentials: {
      clientId: process.env.EARSHOT_SPOTIFY_CLIENT_ID ?? '',
      clientSecret: process.env.EARSHOT_SPOTIFY_CLIENT_SECRET ?? '',
    },
    retry: { baseMs: 1, capMs: 4 },
    onProgress: (progress) => process.stdout.write(`${JSON.stringify({ progress })}\n`),
  });
  process.stdout.write(`${JSON.stringify({ summary })}\n`);
} finally {
  store.close();
}
