import { dialog } from 'electron';
import type { MessageBoxOptions, SaveDialogOptions } from 'electron';
import type { AppService } from '../core/app/app-service.ts';
import type { PlaylistSource } from '../core/contract/index.ts';
import { formatOfFileName, playlistFiles } from '../core/export/playlists/playlist.ts';
import { writePlaylistFile } from '../core/export/playlists/write-playlist-file.ts';
import { plural } from '../core/plural.ts';
import type { BrowserWindow } from 'electron';

export interface PlaylistExportDeps {
  readonly service: Pick<AppService, 'handle'>;
  readonly parent: () => BrowserWindow | undefined;
  readonly showItemInFolder: (path: string) => void;
}

async function tell(deps: PlaylistExportDeps, options: MessageBoxOptions): Promise<number> {
  const parent = deps.parent();
  const result = await (parent
    ? dialog.showMessageBox(parent, options)
    : dialog.showMessageBox(options));
  return result.response;
}

async function choosePath(
  deps: PlaylistExportDeps,
  options: SaveDialogOptions,
): Promise<string | undefined> {
  const parent = deps.parent();
  const result = await (parent
    ? dialog.showSaveDialog(parent, options)
    : dialog.showSaveDialog(options));
  return result.canceled ? undefined : result.filePath;
}

/** The save dialog's file types: one per format, so the type chosen is the format written. */
const filters = Object.values(playlistFiles).map((file) => ({
  name: file.label,
  extensions: [file.extension],
}));

const sources: readonly { label: string; from: PlaylistSource }[] = [
  { label: 'Your picks', from: 'picks' },
  { label: 'Songs you loved', from: 'loved' },
];

/**
 * File › Export playlist…: asks what to export (the current picks or the songs loved), then
 * where, the format following the file type chosen in the save dialog (a name without a known
 * extension gets `.m3u8`). The system dialog has already asked before replacing a file. A
 * playlist that would be empty is explained instead of written. Resolves to the path written.
 */
export async function exportPlaylistWithDialog(
  deps: PlaylistExportDeps,
): Promise<string | undefined> {
  const choice = await tell(deps, {
    type: 'question',
    message: 'Export a playlist',
    detail: 'Which songs? A past set of picks can be exported from its page in History.',
    buttons: [...sources.map((s) => s.label), 'Cancel'],
    defaultId: 0,
    cancelId: sources.length,
  });
  const source = sources[choice];
  if (source === undefined) return undefined;
  const probe = await deps.service.handle('exportPlaylist', { from: source.from, format: 'm3u8' });
  if (!probe.ok) {
    await tell(deps, { type: 'info', message: 'Nothing to export', detail: probe.error.message });
    return undefined;
  }
  const chosen = await choosePath(deps, {
    title: 'Export playlist',
    defaultPath: probe.value.fileName,
    filters,
  });
  if (chosen === undefined) return undefined;
  const format = formatOfFileName(chosen) ?? 'm3u8';
  const path = formatOfFileName(chosen) === undefined ? `${chosen}.m3u8` : chosen;
  const file = await deps.service.handle('exportPlaylist', { from: source.from, format });
  if (!file.ok) {
    await tell(deps, {
      type: 'error',
      message: 'Nothing was exported',
      detail: file.error.message,
    });
    return undefined;
  }
  await writePlaylistFile(path, file.value.text, { force: true });
  const shown = await tell(deps, {
    type: 'info',
    message: `Exported ${plural(file.value.tracks, 'song')}`,
    detail: path,
    buttons: ['OK', 'Show in folder'],
    defaultId: 0,
  });
  if (shown === 1) deps.showItemInFolder(path);
  return path;
}
