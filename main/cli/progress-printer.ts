import type { CliIo } from './cli-io.ts';

export interface ProgressUpdate {
  readonly label: string;
  readonly done?: number | undefined;
  readonly total?: number | undefined;
}

const barWidth = 28;

/**
 * Shows progress on stderr: a redrawn bar on a terminal; on a pipe or file, a plain line per
 * label and per tenth of the way, so logs stay short.
 */
export function createProgressPrinter(io: CliIo): {
  update: (u: ProgressUpdate) => void;
  finish: () => void;
} {
  let lastLabel = '';
  let lastTenth = -1;
  let drawing = false;
  const update = ({ label, done, total }: ProgressUpdate): void => {
    const fraction = done !== undefined && total ? Math.min(1, done / total) : undefined;
    if (io.isTty) {
      const bar =
        fraction === undefined
          ? ''
          : `[${'#'.repeat(Math.round(fraction * barWidth)).padEnd(barWidth, '.')}] ${Math.round(fraction * 100)}% `;
      io.err(`\r\x1b[2K${bar}${label}`);
      drawing = true;
      return;
    }
    const tenth = fraction === undefined ? -1 : Math.floor(fraction * 10);
    if (label === lastLabel && tenth === lastTenth) return;
    lastLabel = label;
    lastTenth = tenth;
    io.err(fraction === undefined ? `${label}\n` : `${label}: ${done}/${total}\n`);
  };
  const finish = (): void => {
    if (drawing) io.err('\r\x1b[2K');
    drawing = false;
  };
  return { update, finish };
}
