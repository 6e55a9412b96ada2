import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DesktopApi, RefreshSummary, Result } from '../../main/core/contract/index.ts';
import { RefreshProgress } from '../../renderer/src/lib/state/refresh-progress.svelte.ts';
import { FakeDesktop, refreshSummary } from './fake-desktop-api.ts';
import { FakeEarshot } from './fake-earshot-api.ts';

const panels: RefreshProgress[] = [];
afterEach(() => {
  for (const panel of panels.splice(0)) panel.dispose();
});

function setUp(options: { desktop?: boolean } = {}) {
  const earshot = new FakeEarshot();
  const desktop = new FakeDesktop(earshot);
  const onRefreshed = vi.fn();
  const refresh = new RefreshProgress(earshot.api, options.desktop === false ? null : desktop.api, {
    onRefreshed,
  });
  panels.push(refresh);
  return { earshot, desktop, refresh, onRefreshed };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const cancelled = { ok: false, error: { code: 'cancelled', message: 'Cancelled.' } } as const;

describe('RefreshProgress', () => {
  it('stays hidden until a refresh reports progress', () => {
    const { refresh } = setUp();
    expect(refresh.isVisible).toBe(false);
    expect(refresh.isRunning).toBe(false);
  });

  it('follows a refresh the menu started: step, message and how far along', () => {
    const { earshot, refresh } = setUp();
    earshot.emit('pipeline:progress', { step: 'catalog', status: 'started', message: 'Loading' });
    expect(refresh.isVisible).toBe(true);
    expect(refresh.isRunning).toBe(true);
    expect(refresh.fraction).toBeNull();

    earshot.emit('pipeline:progress', {
      step: 'training',
      status: 'progress',
      message: 'Training the model',
      done: 30,
      total: 120,
    });
    expect(refresh.progress?.step).toBe('training');
    expect(refresh.fraction).toBeCloseTo(0.25, 10);
  });

  it('shows the summary when the refresh succeeds, and tells the window once', async () => {
    const { earshot, desktop, refresh, onRefreshed } = setUp();
    const started = refresh.start();
    expect(refresh.isRunning).toBe(true);
    expect(earshot.callsTo('refreshData')).toHaveLength(1);
    desktop.finishRefresh();
    await started;
    expect(refresh.isRunning).toBe(false);
    expect(refresh.outcome).toEqual({ ok: true, value: refreshSummary });
    // Both pipeline:finished and refreshData's answer arrived; the window hears it once.
    expect(onRefreshed).toHaveBeenCalledExactlyOnceWith(refreshSummary);

    refresh.dismiss();
    expect(refresh.isVisible).toBe(false);
  });

  it('cancels: asks the main process, then shows the refresh as cancelled', async () => {
    const { earshot, refresh, onRefreshed } = setUp();
    const started = refresh.start();
    await settle();
    await refresh.cancel();
    await started;
    expect(earshot.callsTo('cancelRefresh')).toHaveLength(1);
    expect(refresh.outcome).toEqual(cancelled);
    expect(refresh.isCancelling).toBe(false);
    expect(onRefreshed).not.toHaveBeenCalled();
  });

  it('shows the error of a refresh that failed', () => {
    const { earshot, refresh, onRefreshed } = setUp();
    earshot.emit('pipeline:progress', { step: 'crawl', status: 'started', message: 'Crawling' });
    const failed = { ok: false, error: { code: 'internal', message: 'Disk full.' } } as const;
    earshot.emit('pipeline:finished', failed);
    expect(refresh.outcome).toEqual(failed);
    expect(onRefreshed).not.toHaveBeenCalled();
  });

  it('starts over when the next refresh reports, leaving the last outcome behind', () => {
    const { earshot, refresh } = setUp();
    earshot.emit('pipeline:progress', { step: 'catalog', status: 'started', message: 'One' });
    earshot.emit('pipeline:finished', cancelled);
    earshot.emit('pipeline:progress', { step: 'catalog', status: 'started', message: 'Two' });
    expect(refresh.outcome).toBeNull();
    expect(refresh.isRunning).toBe(true);
    expect(refresh.progress?.message).toBe('Two');
  });

  it('does not start a second refresh while one runs', async () => {
    const { earshot, desktop, refresh } = setUp();
    const first = refresh.start();
    await refresh.start();
    expect(earshot.callsTo('refreshData')).toHaveLength(1);
    desktop.finishRefresh();
    await first;
  });

  it('takes "busy" for a refresh already running, whose own end is still to come', async () => {
    const earshot = new FakeEarshot();
    const busy: Result<RefreshSummary> = {
      ok: false,
      error: { code: 'busy', message: 'A refresh is already running.' },
    };
    const desktop: DesktopApi = {
      ...new FakeDesktop(earshot).api,
      refreshData: () => Promise.resolve(busy),
    };
    const refresh = new RefreshProgress(earshot.api, desktop);
    panels.push(refresh);
    await refresh.start();
    expect(refresh.outcome).toBeNull();
    expect(refresh.isRunning).toBe(true);
    earshot.emit('pipeline:finished', { ok: true, value: refreshSummary });
    expect(refresh.outcome).toEqual({ ok: true, value: refreshSummary });
  });

  it('only watches in the browser: no Cancel, no start', async () => {
    const { earshot, refresh } = setUp({ desktop: false });
    expect(refresh.canControl).toBe(false);
    await refresh.start();
    expect(refresh.isVisible).toBe(false);
    expect(earshot.calls).toEqual([]);
  });
});
