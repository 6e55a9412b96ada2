import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The history files of an export folder, searched recursively: Spotify's
 * `Streaming_History_Audio_*.json` and `StreamingHistory_music_*.json` (its older
 * `StreamingHistory*.json` too, not `_podcast_` or `_video_`), ListenBrainz's `*.jsonl` and
 * `listens*.json`, and `*scrobbles*.csv`. Sorted, so a folder always imports the same way.
 */
const historyFileName =
  /^(?:Streaming_History_Audio_.*\.json|StreamingHistory(?:_music)?_?\d*\.json|.*\.jsonl|listens.*\.json|.*scrobbles.*\.csv)$/i;

function walk(dir: string, found: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, found);
    else if (historyFileName.test(entry.name)) found.push(path);
  }
}

/** Files as given, with each folder replaced by the history files inside it. */
export function expandHistoryPaths(paths: readonly string[]): string[] {
  return paths.flatMap((path) => {
    let isFolder: boolean;
    try {
      isFolder = statSync(path).isDirectory();
    } catch {
      return [path]; // the import names the unreadable file
    }
    if (!isFolder) return [path];
    const found: string[] = [];
    walk(path, found);
    return found.sort();
  });
}
