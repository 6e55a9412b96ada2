import { afterEach, describe, expect, it } from 'vitest';
import {
  hashOf,
  Navigation,
  pageFromHash,
} from '../../renderer/src/lib/state/navigation.svelte.ts';
import type { NavigationHost } from '../../renderer/src/lib/state/navigation.svelte.ts';
import { createWindowState } from '../../renderer/src/lib/state/window-state.ts';
import { FakeDesktop } from './fake-desktop-api.ts';
import { FakeEarshot } from './fake-earshot-api.ts';

/** A window's address and its `hashchange`, as the browser keeps them. */
class FakeHost implements NavigationHost {
  readonly #listeners = new Set<() => void>();
  #hash: string;
  /** How often the address was written. */
  changes = 0;
  readonly location: { hash: string };

  constructor(hash = '') {
    this.#hash = hash;
    const setHash = (value: string) => {
      this.#hash = value;
      this.changes += 1;
      for (const listener of this.#listeners) listener();
    };
    const getHash = () => this.#hash;
    this.location = {
      get hash() {
        return getHash();
      },
      set hash(value: string) {
        setHash(value);
      },
    };
  }

  addEventListener(_type: 'hashchange', listener: () => void): void {
    this.#listeners.add(listener);
  }

  removeEventListener(_type: 'hashchange', listener: () => void): void {
    this.#listeners.delete(listener);
  }

  get listeners(): number {
    return this.#listeners.size;
  }

  /** Back or Forward: the address changes without `go`. */
  travel(hash: string): void {
    this.location.hash = hash;
  }
}

const navigations: Navigation[] = [];
afterEach(() => {
  for (const navigation of navigations.splice(0)) navigation.dispose();
});

function open(hash: string, desktop: FakeDesktop | null = null) {
  const host = new FakeHost(hash);
  const navigation = new Navigation(host, desktop?.api ?? null);
  navigations.push(navigation);
  return { navigation, host };
}

describe('the pages live in the address', () => {
  it('reads the page from the hash, and anything unknown is the round', () => {
    expect(pageFromHash('#/help')).toBe('help');
    expect(pageFromHash('#help')).toBe('help');
    expect(pageFromHash('')).toBe('round');
    expect(pageFromHash('#/')).toBe('round');
    expect(pageFromHash('#/nowhere')).toBe('round');
    expect(hashOf('round')).toBe('#/');
    expect(hashOf('help')).toBe('#/help');
  });

  it('opens on the page a reload or a bookmark names', () => {
    expect(open('#/help').navigation.page).toBe('help');
    expect(open('').navigation.page).toBe('round');
  });

  it('writes the page it goes to into the address, once', () => {
    const { navigation, host } = open('');
    navigation.go('help');
    expect(navigation.page).toBe('help');
    expect(host.location.hash).toBe('#/help');
    navigation.go('help');
    expect(host.changes).toBe(1);
  });

  it('follows Back and Forward', () => {
    const { navigation, host } = open('#/help');
    host.travel('#/');
    expect(navigation.page).toBe('round');
    host.travel('#/help');
    expect(navigation.page).toBe('help');
  });

  it('stops listening when disposed', () => {
    const { navigation, host } = open('');
    navigation.dispose();
    navigations.length = 0;
    expect(host.listeners).toBe(0);
    host.travel('#/help');
    expect(navigation.page).toBe('round');
  });
});

describe('the desktop menu opens pages', () => {
  it('Earshot Help shows the help page', () => {
    const earshot = new FakeEarshot();
    const { navigation, host } = open('', new FakeDesktop(earshot));
    earshot.emit('page:open', 'help');
    expect(navigation.page).toBe('help');
    expect(host.location.hash).toBe('#/help');
  });

  it('New round goes back to the round and deals a fresh one', async () => {
    const earshot = new FakeEarshot(20);
    const desktop = new FakeDesktop(earshot);
    const window = createWindowState(earshot.api, desktop.api, new FakeHost('#/help'));
    await window.session.start();
    const first = window.session.round?.trackIds ?? [];
    window.session.rate(first[0] ?? 0, 4);
    earshot.emit('round:new', null);
    expect(window.navigation.page).toBe('round');
    await expect.poll(() => earshot.callsTo('songsToRate').length).toBe(2);
    await expect.poll(() => window.session.view).toBe('rating');
    expect(window.session.round?.ratedCount).toBe(0);
    for (const part of [window.session, window.settings, window.refresh, window.navigation])
      part.dispose();
    expect(earshot.listenerCount()).toBe(0);
  });
});
