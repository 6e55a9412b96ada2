import { pageName } from '../../../../preload/api.ts';
import type { DesktopApi, PageName } from '../../../../preload/api.ts';

/** The slice of `window` that {@link Navigation} reads: its address and its `hashchange`. */
export interface NavigationHost {
  readonly location: { hash: string };
  addEventListener(type: 'hashchange', listener: () => void): void;
  removeEventListener(type: 'hashchange', listener: () => void): void;
}

const homePage: PageName = 'round';

/** `#/help` → `help`; the empty hash, `#/` and anything unknown → the round. */
export function pageFromHash(hash: string): PageName {
  const parsed = pageName.safeParse(hash.replace(/^#\/?/, ''));
  return parsed.success ? parsed.data : homePage;
}

export function hashOf(page: PageName): string {
  return page === homePage ? '#/' : `#/${page}`;
}

/**
 * Which page the window shows. The page lives in the address (`#/help`), so the browser's Back
 * and Forward, a reload and a bookmark all keep it, in the browser and in the desktop window
 * alike; the desktop menu opens pages through `page:open`. `host` is `null` where there is no
 * window (tests of other state), and the page is then only in memory.
 */
export class Navigation {
  page = $state<PageName>(homePage);

  readonly #host: NavigationHost | null;
  readonly #unsubscribe: () => void;
  readonly #onHashChange = () => {
    if (this.#host !== null) this.page = pageFromHash(this.#host.location.hash);
  };

  constructor(
    host: NavigationHost | null,
    desktop: DesktopApi | null,
    hooks: { readonly onNewRound?: () => void } = {},
  ) {
    this.#host = host;
    if (host !== null) {
      this.page = pageFromHash(host.location.hash);
      host.addEventListener('hashchange', this.#onHashChange);
    }
    // The menu: a page by name, or File › New round (the round's page, dealt afresh).
    const stopOpen = desktop?.on('page:open', (page) => this.go(page));
    const stopNewRound = desktop?.on('round:new', () => {
      this.go('round');
      hooks.onNewRound?.();
    });
    this.#unsubscribe = () => {
      stopOpen?.();
      stopNewRound?.();
      host?.removeEventListener('hashchange', this.#onHashChange);
    };
  }

  /** Shows `page`, as a new entry in the window's history. */
  go(page: PageName): void {
    this.page = page;
    if (this.#host !== null && this.#host.location.hash !== hashOf(page)) {
      this.#host.location.hash = hashOf(page);
    }
  }

  dispose(): void {
    this.#unsubscribe();
  }
}
