import { isAppPageUrl } from './navigation-guard.ts';

/** The part of an IPC event the check reads (Electron's `IpcMainInvokeEvent` has it). */
export interface IpcSenderInfo<Contents> {
  readonly sender: Contents;
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
}

export interface SenderCheckDeps<Contents> {
  /** The app's page, `file://…/out/renderer/index.html`. */
  readonly appPageUrl: string;
  /** Whether these web contents belong to one of the app's own windows. */
  readonly isAppWindow: (contents: Contents) => boolean;
}

/**
 * A message is the app's own when it comes from the top frame of one of the app's windows and
 * that frame shows the app's page. Anything else — a subframe, a page the window was somehow
 * navigated to, a frame already gone (`senderFrame` null), another web contents — is refused.
 */
export function createSenderCheck<Contents>(
  deps: SenderCheckDeps<Contents>,
): (event: IpcSenderInfo<Contents>) => boolean {
  return (event) => {
    const frame = event.senderFrame;
    if (frame === null || frame.parent !== null) return false;
    return deps.isAppWindow(event.sender) && isAppPageUrl(frame.url, deps.appPageUrl);
  };
}
