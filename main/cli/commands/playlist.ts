import type { CliIo } from '../cli-io.ts';
import { playlistFormat } from '../../core/contract/index.ts';
import type { PlaylistFormat, PlaylistSource } from '../../core/contract/index.ts';
import { formatOfFileName, playlistFiles } from '../../core/export/playlists/playlist.ts';
import {
  checkPlaylistTarget,
  writePlaylistFile,
} from '../../core/export/playlists/write-playlist-file.ts';
import { plural } from '../../core/plural.ts';
import { choiceOption, dbOption, parseCommandArgs } from '../arguments.ts';
import { UsageError } from '../cli-io.ts';
import { withEarshot } from '../command.ts';

/** `--from picks|loved|history:ID`. */
function parseSource(text: string | undefined): PlaylistSource {
  if (text === undefined || text === 'picks') return 'picks';
  if (text === 'loved') return 'loved';
  const match = /^history:([1-9]\d*)$/.exec(text);
  if (match === null)
    throw new UsageError(`--from must be picks, loved or history:ID, got "${text}"`);
  return { history: Number(match[1]) };
}

/** `--format`, else what the file name's extension says. */
function formatFor(given: string | undefined, out: string): PlaylistFormat {
  if (given !== undefined) return choiceOption(given, 'format', playlistFormat.options, 'm3u8');
  const inferred = formatOfFileName(out);
  if (inferred === undefined)
    throw new UsageError(
      `cannot tell the format of ${out}: give --format m3u8|xspf|jspf or a name ending .m3u8, .xspf or .jspf`,
    );
  return inferred;
}

/** Runs `earshot playlist`; resolves to the exit code. */
export async function run(args: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(args, {
    ...dbOption,
    out: { type: 'string' },
    format: { type: 'string' },
    from: { type: 'string' },
    force: { type: 'boolean' },
  });
  if (values.out === undefined) throw new UsageError('--out FILE is required');
  const out = values.out;
  const format = formatFor(values.format, out);
  const from = parseSource(values.from);
  const force = values.force === true;
  checkPlaylistTarget(out, { force });
  return withEarshot(values.db, io, 'existing', { retrainOnChange: false }, async (earshot) => {
    if (from === 'picks' && earshot.models.start().status === 'training')
      io.err('Training the model first (a few seconds)…\n');
    const file = await earshot.service.handle('exportPlaylist', { from, format });
    if (!file.ok) {
      io.err(`earshot playlist: ${file.error.message}\n`);
      return 1;
    }
    await writePlaylistFile(out, file.value.text, { force });
    io.out(
      `Wrote ${plural(file.value.tracks, 'song')} to ${out} (${playlistFiles[format].label})\n`,
    );
    return 0;
  });
}
