/**
 * Runs the fake Spotify on its own (for benchmarks, which must not share the crawler's event
 * loop, and for trying the CLI by hand):
 *
 *   node test/fake-spotify/serve.ts ['{"data":{"artists":10},"latencyMs":0}']
 *
 * Prints `{"url","apiUrl","accountsUrl","clientId","clientSecret"}` as one JSON line, then serves
 * until stdin closes or the process is signalled.
 */
import { startFakeSpotify } from './fake-spotify.ts';
import type { FakeSpotifyOptions } from './fake-spotify.ts';

const options = JSON.parse(process.argv[2] ?? '{}') as FakeSpotifyOptions;
const fake = await startFakeSpotify(options);
const { url, apiUrl, accountsUrl, clientId, clientSecret } = fake;
process.stdout.write(`${JSON.stringify({ url, apiUrl, accountsUrl, clientId, clientSecret })}\n`);
const stop = (): void => {
  void fake.close().then(() => process.exit(0));
};
process.stdin.on('end', stop).resume();
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
