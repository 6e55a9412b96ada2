import type {
  EarshotApi,
  ExportedPlaylist,
  PlaylistFormat,
  PlaylistSource,
} from '../../../../preload/api.ts';

/** Hands a file to the person: a download in the browser and in the desktop window alike. */
export type SaveFile = (file: ExportedPlaylist) => void;

/** The formats offered, in the order a listener meets them. */
export const playlistFormats: readonly { format: PlaylistFormat; label: string }[] = [
  { format: 'm3u8', label: 'M3U8 (most players)' },
  { format: 'xspf', label: 'XSPF' },
  { format: 'jspf', label: 'JSPF (ListenBrainz)' },
];

/**
 * Playlists out, from the results and the History page: the core writes the file, the page
 * saves it. One export at a time; a refusal (nothing loved yet) is shown as it came.
 */
export class PlaylistExport {
  format = $state<PlaylistFormat>('m3u8');
  /** What is being exported, while it is. */
  busy = $state<'picks' | 'loved' | 'history' | null>(null);
  error = $state<string | null>(null);
  /** The last file saved, for a short confirmation. */
  saved = $state<string | null>(null);

  readonly #api: EarshotApi;
  readonly #save: SaveFile;

  constructor(api: EarshotApi, save: SaveFile) {
    this.#api = api;
    this.#save = save;
  }

  /** Exports `from` in the chosen format; resolves to whether a file was saved. */
  async export(from: PlaylistSource): Promise<boolean> {
    if (this.busy !== null) return false;
    this.busy = typeof from === 'string' ? from : 'history';
    this.error = null;
    this.saved = null;
    const file = await this.#api.exportPlaylist({ from, format: this.format });
    this.busy = null;
    if (!file.ok) {
      this.error = file.error.message;
      return false;
    }
    this.#save(file.value);
    this.saved = file.value.fileName;
    return true;
  }
}
