import type { WebContents } from 'electron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EventHub } from '../../main/core/app/event-hub.ts';
import { readyChannel } from '../../main/core/contract/index.ts';
import { forwardEvents, registerWindowPush } from '../../main/desktop/window-push.ts';
import type { WindowPush } from '../../main/desktop/window-push.ts';
import { FakeWebContents, ipcMain } from './fake-electron.ts';

vi.mock('electron', () => import('./fake-electron.ts'));

const training = { status: 'training', epoch: 3, epochs: 20, trainRmse: 0.9 } as const;
const idle = { status: 'idle' } as const;
const info = { algorithm: 'svd', trainedAt: 1, ratings: 2, trainRmse: 0.5 };
const progress = { step: 'catalog', status: 'started', message: 'Loading' } as const;

let push: WindowPush | undefined;
afterEach(() => push?.dispose());

/** A push over `windows`, trusting exactly those senders, as main/index.ts builds it. */
function pushTo(...windows: FakeWebContents[]) {
  push = registerWindowPush({
    targets: () => windows.filter((w) => !w.destroyed) as unknown as WebContents[],
    isTrustedSender: (event) => windows.includes(event.sender as unknown as FakeWebContents),
  });
  return push;
}

/** The page in `contents` says it listens. */
const ready = (contents: FakeWebContents) => ipcMain.emit(readyChannel, { sender: contents });

describe('pushes to the window', () => {
  it('wait until the page says it is ready, then go out the latest of each, in the order last sent', () => {
    const page = new FakeWebContents();
    const windowPush = pushTo(page);
    windowPush.send('training:progress', training);
    windowPush.send('pipeline:progress', progress);
    windowPush.send('training:progress', idle);
    windowPush.send('model:ready', info);
    expect(page.sent).toEqual([]);
    ready(page);
    expect(page.sent).toEqual([
      ['pipeline:progress', progress],
      ['training:progress', idle],
      ['model:ready', info],
    ]);
  });

  it('go out at once to a page that is ready', () => {
    const page = new FakeWebContents();
    const windowPush = pushTo(page);
    ready(page);
    windowPush.send('training:progress', training);
    windowPush.send('training:progress', idle);
    expect(page.sent).toEqual([
      ['training:progress', training],
      ['training:progress', idle],
    ]);
  });

  it('wait again after a reload, until the new page is ready', () => {
    const page = new FakeWebContents();
    const windowPush = pushTo(page);
    ready(page);
    page.emit('did-navigate');
    windowPush.send('settings:open', null);
    expect(page.sent).toEqual([]);
    ready(page);
    expect(page.sent).toEqual([['settings:open', null]]);
  });

  it('do not take "ready" from a sender outside the app windows', () => {
    const page = new FakeWebContents();
    const stranger = new FakeWebContents();
    const windowPush = pushTo(page);
    windowPush.send('model:ready', info);
    ready(stranger);
    expect(page.sent).toEqual([]);
    expect(stranger.sent).toEqual([]);
  });

  it('go to every open window, each when its own page is ready; sendTo to one only', () => {
    const first = new FakeWebContents();
    const second = new FakeWebContents();
    const closed = new FakeWebContents();
    closed.destroyed = true;
    const windowPush = pushTo(first, second, closed);
    ready(first);
    const cancelled = { ok: false, error: { code: 'cancelled', message: 'Cancelled.' } } as const;
    windowPush.send('pipeline:finished', cancelled);
    windowPush.sendTo(second as unknown as WebContents, 'settings:open', null);
    expect(first.sent).toEqual([['pipeline:finished', cancelled]]);
    expect(second.sent).toEqual([]);
    ready(second);
    expect(second.sent).toEqual([
      ['pipeline:finished', cancelled],
      ['settings:open', null],
    ]);
    expect(closed.sent).toEqual([]);
  });

  it('stop listening for "ready" once disposed', () => {
    const before = ipcMain.listenerCount(readyChannel);
    pushTo(new FakeWebContents()).dispose();
    push = undefined;
    expect(ipcMain.listenerCount(readyChannel)).toBe(before);
  });
});

describe('forwardEvents', () => {
  it('pushes every core event on its contract name, until unsubscribed', () => {
    const events = new EventHub();
    const page = new FakeWebContents();
    const windowPush = pushTo(page);
    ready(page);
    const stop = forwardEvents(events, windowPush);
    events.emit('training:progress', idle);
    events.emit('pipeline:progress', progress);
    stop();
    events.emit('training:progress', idle);
    expect(page.sent).toEqual([
      ['training:progress', idle],
      ['pipeline:progress', progress],
    ]);
  });
});
