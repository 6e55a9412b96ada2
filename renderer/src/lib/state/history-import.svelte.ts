import type { EarshotApi, HistoryImportSummary } from '../../../../preload/api.ts';

/** A file the listener picked: the page's `File` has exactly this much of what is needed. */
export interface PickedFile {
  readonly name: string;
  text(): Promise<string>;
}

export type HistoryImportPhase = 'idle' | 'reading' | 'importing' | 'done';

/**
 * Importing listening history from the page (both faces): the files are read in the page and
 * sent as they are; the core recognises each format, matches the plays and answers with what
 * matched. All or nothing: a refusal names the file and line, and nothing was imported.
 */
export class HistoryImportState {
  phase = $state<HistoryImportPhase>('idle');
  result = $state.raw<HistoryImportSummary | null>(null);
  error = $state<string | null>(null);

  readonly isBusy = $derived(this.phase === 'reading' || this.phase === 'importing');
  readonly #api: EarshotApi;

  constructor(api: EarshotApi) {
    this.#api = api;
  }

  /** Back to an empty form (a new visit to Settings). */
  reset(): void {
    if (this.isBusy) return;
    this.phase = 'idle';
    this.result = null;
    this.error = null;
  }

  /** Reads and imports `files` as one history; resolves to whether it was imported. */
  async importFiles(files: readonly PickedFile[]): Promise<boolean> {
    if (this.isBusy) return false;
    this.result = null;
    this.error = null;
    if (files.length === 0) {
      this.error = 'Choose one or more history files first.';
      return false;
    }
    this.phase = 'reading';
    let read: { name: string; text: string }[];
    try {
      read = await Promise.all(files.map(async (f) => ({ name: f.name, text: await f.text() })));
    } catch {
      this.phase = 'idle';
      this.error = 'The files could not be read.';
      return false;
    }
    this.phase = 'importing';
    const answer = await this.#api.importHistory({ files: read });
    this.phase = answer.ok ? 'done' : 'idle';
    if (answer.ok) this.result = answer.value;
    else this.error = answer.error.message;
    return answer.ok;
  }
}
