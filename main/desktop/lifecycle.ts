import { app, dialog } from 'electron';
import type { AppWindows } from './window.ts';

/**
 * Before `ready`: the app's name and data folder (the folder of its database, shared with the
 * CLI), the sandbox for every renderer, and one instance at a time (two would share one
 * database and train twice). Returns false in a second instance, which then quits.
 */
export function prepareApp(deps: { readonly dataDir: string }): boolean {
  app.setName('Earshot');
  app.setPath('userData', deps.dataDir);
  app.enableSandbox();
  if (app.requestSingleInstanceLock()) return true;
  app.quit();
  return false;
}

export interface LifecycleDeps {
  readonly windows: AppWindows;
  /** Stops work and closes the database, once, as the app quits. */
  readonly onQuit: () => void;
}

/** The platform conventions: macOS keeps running without windows; elsewhere closing quits. */
export function registerLifecycle(deps: LifecycleDeps): void {
  app.on('second-instance', () => deps.windows.open());
  app.on('activate', () => deps.windows.open());
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.once('will-quit', () => deps.onQuit());
}

/** A launch that cannot open its database (not Earshot's, from a newer Earshot…) says why. */
export function failToStart(error: unknown, log: (message: string, error?: unknown) => void): void {
  log('Earshot cannot start', error);
  dialog.showErrorBox(
    'Earshot cannot start',
    error instanceof Error ? error.message : 'An unexpected error stopped Earshot.',
  );
  app.quit();
}
