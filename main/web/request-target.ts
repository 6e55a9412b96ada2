/** The parts of a request's target the server routes on. */
export interface RequestTarget {
  readonly pathname: string;
  readonly searchParams: URLSearchParams;
}

/**
 * Parses a request line's target (`/api/getState?token=…`). Undefined for anything that is not
 * an origin-form path a browser would send: `//[`, `*`, an absolute URL, or one that no URL
 * parser accepts. Called only after the Host check, and never throws: a request any web page
 * can trigger must not be able to take the server down.
 */
export function parseRequestTarget(raw: string | undefined): RequestTarget | undefined {
  if (raw === undefined || !raw.startsWith('/') || raw.startsWith('//')) return undefined;
  if (!URL.canParse(raw, 'http://127.0.0.1')) return undefined;
  const url = new URL(raw, 'http://127.0.0.1');
  return { pathname: url.pathname, searchParams: url.searchParams };
}
