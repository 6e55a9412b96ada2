/**
 * The only module that knows how the renderer reaches Earshot's core. Everything else receives an
 * {@link EarshotApi} and cannot tell the desktop window from the browser — except that the
 * desktop's own features (settings kept by the main process, Refresh data) arrive as a
 * {@link DesktopApi} that is `null` in the browser.
 *
 * - Desktop: the preload exposes `window.earshot` (IPC behind contextBridge); it is used as is.
 * - Browser (`earshot serve`): every method `M` is `POST /api/M` with the request as JSON and the
 *   per-launch token in `X-Earshot-Token`; the body of every answer is the contract's `Result`.
 *   Push events arrive over Server-Sent Events from `/api/events?token=…`.
 *
 * Nothing here throws into components: a server that is gone, or an answer that is not a
 * `Result`, becomes `{ ok: false, error: { code: 'internal', message } }`.
 */
import {
  anyResult,
  desktopMethodNames,
  events,
  implementApi,
  isEventName,
  methods,
} from '../../../preload/api.ts';
import type {
  ApiError,
  DesktopApi,
  EarshotApi,
  EarshotEvents,
  ErrorCode,
  EventName,
  Result,
} from '../../../preload/api.ts';

/**
 * What `window.earshot` may be: the contract, and the desktop's methods when the desktop preload
 * provides it (its `on` then serves the desktop's events too).
 */
export type DesktopBridge = EarshotApi & Partial<Omit<DesktopApi, 'on'>>;

/** The slice of the page's globals that {@link getApi} reads: `window` in the app. */
export interface ApiHost {
  /** The desktop preload's bridge; {@link getDesktopApi} checks what it really has. */
  readonly earshot?: DesktopBridge;
  readonly document?: {
    querySelector(selectors: string): { getAttribute(name: string): string | null } | null;
  };
  readonly fetch: typeof fetch;
}

/** The minimum of `EventSource` the transport uses, so tests can hand in their own. */
export interface EventStream {
  addEventListener(type: string, listener: (event: { data: string }) => void): void;
  removeEventListener(type: string, listener: (event: { data: string }) => void): void;
  close(): void;
}

export interface HttpApiOptions {
  /** The per-launch token `earshot serve` put in the page. */
  readonly token: string;
  /** Origin of the server; empty (the default) means the page's own origin. */
  readonly baseUrl?: string;
  readonly fetch?: typeof fetch;
  /** Opens the event stream; defaults to the browser's `EventSource`. */
  readonly openEvents?: (url: string) => EventStream;
}

const TOKEN_META = 'meta[name="earshot-token"]';

/** The desktop bridge when there is one, else the HTTP transport of `earshot serve`. */
export function getApi(host: ApiHost): EarshotApi {
  if (host.earshot) return host.earshot;
  const token = host.document?.querySelector(TOKEN_META)?.getAttribute('content') ?? '';
  if (token === '') {
    return createUnavailableApi({
      code: 'unauthorized',
      message: 'This page has no Earshot token. Open the address that `earshot serve` printed.',
    });
  }
  return createHttpApi({ token, fetch: host.fetch.bind(host) });
}

function isDesktopBridge(bridge: DesktopBridge): bridge is EarshotApi & DesktopApi {
  const members: Partial<Record<string, unknown>> = bridge;
  return [...desktopMethodNames, 'ready'].every((name) => typeof members[name] === 'function');
}

/**
 * The desktop's own features when this page runs in the desktop window (the preload's bridge has
 * every desktop method), else `null`: the browser face has no settings beyond the preferences
 * and no Refresh data, and the screens hide what needs them.
 */
export function getDesktopApi(host: Pick<ApiHost, 'earshot'>): DesktopApi | null {
  const bridge = host.earshot;
  return bridge !== undefined && isDesktopBridge(bridge) ? bridge : null;
}

/** Every method of the contract over HTTP, every event over SSE. */
export function createHttpApi(options: HttpApiOptions): EarshotApi {
  const baseUrl = options.baseUrl ?? '';
  const doFetch = options.fetch ?? fetch;
  const openEvents = options.openEvents ?? ((url: string): EventStream => new EventSource(url));
  const eventsUrl = `${baseUrl}/api/events?token=${encodeURIComponent(options.token)}`;
  return {
    // A method without a request posts `{}`: a JSON body is always an object.
    ...implementApi(methods, (method, request) =>
      postMethod(doFetch, `${baseUrl}/api/${method}`, options.token, request ?? {}),
    ),
    on: createEventHub(() => openEvents(eventsUrl)),
  } satisfies EarshotApi;
}

async function postMethod(
  doFetch: typeof fetch,
  url: string,
  token: string,
  request: unknown,
): Promise<Result<unknown>> {
  let response: Response;
  try {
    response = await doFetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Earshot-Token': token },
      body: JSON.stringify(request),
    });
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    return failure(
      'internal',
      `Earshot is not reachable (${reason}). Is \`earshot serve\` running?`,
    );
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return failure('internal', `Earshot answered HTTP ${response.status} without a result.`);
  }
  // The server builds `value` from the same contract; the envelope is what can go wrong (a
  // proxy page, a crash, an error code this page does not know), so that is what is checked.
  const result = anyResult.safeParse(body);
  return result.success
    ? result.data
    : failure('internal', `Earshot answered HTTP ${response.status} with an unexpected body.`);
}

/**
 * One event stream, opened on the first subscription and closed when the last one leaves, shared
 * by every listener. `EventSource` reconnects by itself when the server restarts.
 */
function createEventHub(open: () => EventStream): EarshotApi['on'] {
  let stream: EventStream | null = null;
  let listeners = 0;
  return <E extends EventName>(event: E, listener: (payload: EarshotEvents[E]) => void) => {
    if (!isEventName(event)) throw new TypeError(`"${String(event)}" is not an Earshot event`);
    stream ??= open();
    const current = stream;
    listeners += 1;
    const onMessage = (message: { data: string }) => {
      // A frame that is not the event's contract payload is dropped.
      const payload = events[event].safeParse(parseJson(message.data));
      if (payload.success) listener(payload.data as EarshotEvents[E]);
    };
    current.addEventListener(event, onMessage);
    let isSubscribed = true;
    return () => {
      if (!isSubscribed) return;
      isSubscribed = false;
      current.removeEventListener(event, onMessage);
      listeners -= 1;
      if (listeners === 0 && stream === current) {
        current.close();
        stream = null;
      }
    };
  };
}

/** Answers every call with the same error: a page that cannot talk to any Earshot. */
function createUnavailableApi(error: ApiError): EarshotApi {
  return {
    ...implementApi(methods, () => Promise.resolve({ ok: false, error })),
    on: () => () => undefined,
  } satisfies EarshotApi;
}

function failure(code: ErrorCode, message: string): { ok: false; error: ApiError } {
  return { ok: false, error: { code, message } };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
