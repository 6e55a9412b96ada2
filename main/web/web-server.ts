import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { isMethodName, limits } from '../core/contract/index.ts';
import type { ApiError } from '../core/contract/index.ts';
import type { AppService } from '../core/app/app-service.ts';
import { hasToken, isAllowedHost, readBody } from './http-guards.ts';
import { contentSecurityPolicy } from '../core/content-security-policy.ts';
import { listenOnLoopback } from './listen.ts';
import { parseRequestTarget } from './request-target.ts';
import { createResultText } from './result-text.ts';
import type { ResultText } from './result-text.ts';
import { injectToken, readStaticFile } from './static-files.ts';

export interface WebServerOptions {
  readonly service: AppService;
  /** The built renderer (`out/renderer`). */
  readonly staticDir: string;
  /** 0 picks a free port. */
  readonly port?: number;
  /** Per-launch secret; generated when absent. */
  readonly token?: string;
}

export interface WebServer {
  readonly url: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

function sendJsonText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  response.end(text);
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  sendJsonText(response, status, JSON.stringify(body));
}

function sendError(response: ServerResponse, status: number, error: ApiError): void {
  sendJson(response, status, { ok: false, error });
}

/** A handler failed: answer 500, or cut the connection if the answer had already begun. */
function failInternal(response: ServerResponse): void {
  if (response.headersSent) response.destroy();
  else sendError(response, 500, { code: 'internal', message: 'The server failed.' });
}

async function handleApi(
  service: AppService,
  resultText: ResultText,
  method: string,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  if (request.method !== 'POST')
    return sendError(response, 405, { code: 'invalid-request', message: 'Use POST.' });
  if (!isMethodName(method))
    return sendError(response, 404, { code: 'not-found', message: `No method "${method}".` });
  // Only a listening-history upload carries files; every other request is small.
  const body = await readBody(
    request,
    method === 'importHistory' ? limits.historyUploadBytes.max : undefined,
  );
  if (body === undefined)
    return sendError(response, 413, {
      code: 'invalid-request',
      message: 'The request is too large.',
    });
  let payload: unknown;
  try {
    payload = body.trim() === '' ? undefined : JSON.parse(body);
  } catch {
    return sendError(response, 400, {
      code: 'invalid-request',
      message: 'The request body is not JSON.',
    });
  }
  sendJsonText(response, 200, resultText(await service.handle(method, payload)));
}

function handleEvents(
  service: AppService,
  request: IncomingMessage,
  response: ServerResponse,
): void {
  response.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-store',
    connection: 'keep-alive',
  });
  response.write(': connected\n\n');
  const unsubscribe = service.events.subscribe((event, payload) => {
    response.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
  });
  request.on('close', unsubscribe);
}

async function handleStatic(
  staticDir: string,
  token: string,
  path: string,
  response: ServerResponse,
): Promise<void> {
  const file =
    (await readStaticFile(staticDir, path)) ??
    (path.includes('.') ? undefined : await readStaticFile(staticDir, '/'));
  if (file === undefined) {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    response.end('Not found');
    return;
  }
  const isHtml = file.contentType.startsWith('text/html');
  response.writeHead(200, {
    'content-type': file.contentType,
    'x-content-type-options': 'nosniff',
    ...(isHtml
      ? {
          'content-security-policy': contentSecurityPolicy,
          'cache-control': 'no-store',
          'referrer-policy': 'no-referrer',
        }
      : {}),
  });
  response.end(isHtml ? injectToken(file.body.toString('utf8'), token) : file.body);
}

/**
 * `earshot serve`: the built renderer and the API over HTTP, on 127.0.0.1 only. Requests must
 * name this server in their Host header; API calls must carry the per-launch token the page is
 * given (header `X-Earshot-Token`, or `?token=` for the event stream, which cannot set headers).
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  let port = options.port ?? 0;
  const resultText = createResultText();
  const server: Server = createServer((request, response) => {
    // The Host check comes first: nothing from a request that names another server is parsed.
    if (!isAllowedHost(request.headers.host, port)) {
      return sendError(response, 403, { code: 'unauthorized', message: 'Unexpected Host header.' });
    }
    const url = parseRequestTarget(request.url);
    if (url === undefined) {
      return sendError(response, 400, {
        code: 'invalid-request',
        message: 'Malformed request target.',
      });
    }
    if (url.pathname.startsWith('/api/')) {
      const presented =
        url.pathname === '/api/events'
          ? url.searchParams.get('token')
          : request.headers['x-earshot-token'];
      if (!hasToken(typeof presented === 'string' ? presented : null, token)) {
        return sendError(response, 401, {
          code: 'unauthorized',
          message: 'Missing or wrong token: reload the page.',
        });
      }
      if (url.pathname === '/api/events') return handleEvents(options.service, request, response);
      const method = url.pathname.slice('/api/'.length);
      void handleApi(options.service, resultText, method, request, response).catch(() =>
        failInternal(response),
      );
      return;
    }
    void handleStatic(options.staticDir, token, url.pathname, response).catch(() =>
      failInternal(response),
    );
  });
  port = await listenOnLoopback(server, port);
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    token,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
