import { ipcMain } from 'electron';
import type { IpcMainEvent, WebContents } from 'electron';
import type { EventHub } from '../core/app/event-hub.ts';
import { readyChannel } from '../core/contract/index.ts';
import type {
  EarshotEvents,
  EventName,
  WindowEventName,
  WindowEvents,
} from '../core/contract/index.ts';

/** Sends push events to the app's windows once their pages listen. */
export interface WindowPush {
  /** To every app window. */
  send<E extends WindowEventName>(event: E, payload: WindowEvents[E]): void;
  /** To one window (the one the menu just opened). */
  sendTo<E extends WindowEventName>(
    contents: WebContents,
    event: E,
    payload: WindowEvents[E],
  ): void;
  /** Stops listening for pages that say they are ready. */
  dispose(): void;
}

export interface WindowPushDeps {
  /** The app's windows' web contents at the moment of sending. */
  readonly targets: () => Iterable<WebContents>;
  /** The same check as for every IPC call: only the app's own page may say it is ready. */
  readonly isTrustedSender: (event: IpcMainEvent) => boolean;
}

/** One window's page: whether it has said it listens, and what waits until it does. */
interface Page {
  isReady: boolean;
  readonly held: Map<WindowEventName, unknown>;
}

/**
 * The ready handshake (as Electron Fiddle does it). A page subscribes to its events while it
 * starts, then says so on the contract's {@link readyChannel}; until then every push to it is
 * held, and a new document in the window (a reload) makes it wait again. Every event carries
 * the whole current state of something (training, a refresh's step, how a refresh ended), so
 * only the latest of each is held, and they are sent in the order they were last emitted.
 */
export function registerWindowPush(deps: WindowPushDeps): WindowPush {
  const pages = new WeakMap<WebContents, Page>();
  const pageOf = (contents: WebContents): Page => {
    const known = pages.get(contents);
    if (known !== undefined) return known;
    const page: Page = { isReady: false, held: new Map() };
    pages.set(contents, page);
    // `did-navigate`, not `did-start-navigation`: a navigation the window refuses starts too,
    // and would leave its page waiting for a ready that never comes.
    contents.on('did-navigate', () => {
      page.isReady = false;
    });
    return page;
  };
  const deliver = (contents: WebContents, event: WindowEventName, payload: unknown): void => {
    if (contents.isDestroyed()) return;
    const page = pageOf(contents);
    if (page.isReady) return contents.send(event, payload);
    page.held.delete(event);
    page.held.set(event, payload);
  };
  const onReady = (event: IpcMainEvent): void => {
    if (!deps.isTrustedSender(event)) return;
    const page = pageOf(event.sender);
    page.isReady = true;
    const held = [...page.held];
    page.held.clear();
    for (const [name, payload] of held) event.sender.send(name, payload);
  };
  ipcMain.on(readyChannel, onReady);
  return {
    send: (event, payload) => {
      for (const contents of deps.targets()) deliver(contents, event, payload);
    },
    sendTo: (contents, event, payload) => deliver(contents, event, payload),
    dispose: () => void ipcMain.removeListener(readyChannel, onReady),
  };
}

/**
 * Pushes every core event to the app's windows. The contract's event names are `domain:verb`
 * already and serve as their IPC channels; the preload listens on exactly those.
 */
export function forwardEvents(
  events: EventHub,
  push: { send(event: EventName, payload: EarshotEvents[EventName]): void },
): () => void {
  return events.subscribe((event, payload) => push.send(event, payload));
}
