import { readFileSync } from 'node:fs';
import { parseSources } from '../core/spotify/index.ts';
import type { CrawlSource, SpotifyCredentials } from '../core/spotify/index.ts';
import { UsageError } from './cli-io.ts';

/** Sources from `--source` flags and a `--sources-file` (one per line; `#` starts a comment). */
export function readSources(flags: readonly string[], file: string | undefined): CrawlSource[] {
  const fromFile =
    file === undefined
      ? []
      : readSourcesFile(file)
          .split('\n')
          .map((line) => line.replace(/#.*$/, '').trim())
          .filter((line) => line !== '');
  const texts = [...flags, ...fromFile];
  if (texts.length === 0) return [];
  const parsed = parseSources(texts);
  if (!parsed.ok) throw new UsageError(parsed.errors.join('\n'));
  return parsed.sources;
}

function readSourcesFile(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read --sources-file ${file}: ${(error as Error).message}`);
  }
}

/** Client-credentials from `SPOTIFY_CLIENT_ID` and `SPOTIFY_CLIENT_SECRET`, when both are set. */
export function credentialsFromEnv(env: NodeJS.ProcessEnv): SpotifyCredentials | undefined {
  const clientId = env.SPOTIFY_CLIENT_ID?.trim();
  const clientSecret = env.SPOTIFY_CLIENT_SECRET?.trim();
  return clientId && clientSecret ? { clientId, clientSecret } : undefined;
}
