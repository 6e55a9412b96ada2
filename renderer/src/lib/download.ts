import type { ExportedPlaylist } from '../../../preload/api.ts';

/**
 * Saves a file the core wrote through the page's own download: a Blob under an object URL,
 * clicked as a link with `download`, then released. Works in the browser face and in the
 * desktop window (Electron shows its save dialog for a download).
 */
export function downloadFile(file: ExportedPlaylist, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: file.mimeType }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  // After the click has started the download; revoking at once can cancel it in some engines.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
