import type { EventHub } from '../core/app/event-hub.ts';
import type { Refresh } from './refresh.ts';

/** What the dock or taskbar shows progress on (a `BrowserWindow`). */
export interface ProgressTarget {
  setProgressBar(progress: number): void;
  isDestroyed(): boolean;
}

export interface TaskbarProgressDeps {
  readonly events: EventHub;
  readonly refresh: Pick<Refresh, 'onRunningChange'>;
  readonly windows: () => Iterable<ProgressTarget>;
}

/**
 * Refresh and training progress on the dock icon (macOS) or taskbar button (Windows, some Linux
 * desktops), so a long refresh is visible even from another app. The page shows the details.
 */
export function registerTaskbarProgress(deps: TaskbarProgressDeps): void {
  const show = (fraction: number): void => {
    for (const window of deps.windows()) if (!window.isDestroyed()) window.setProgressBar(fraction);
  };
  // 2 is Electron's indeterminate bar; a negative value removes the bar.
  deps.events.subscribe((event, payload) => {
    if (event === 'pipeline:progress' && 'step' in payload) {
      const { done, total } = payload;
      show(done !== undefined && total !== undefined && total > 0 ? done / total : 2);
    } else if (event === 'training:progress' && 'status' in payload) {
      show(payload.status === 'training' ? payload.epoch / Math.max(1, payload.epochs) : -1);
    }
  });
  deps.refresh.onRunningChange((isRunning) => {
    if (!isRunning) show(-1);
  });
}
