import { createServer } from 'node:net';
import type { Server } from 'node:net';

/** The server cannot start where it was asked to; the message is one line for the user. */
export class ListenError extends Error {
  readonly code: 'port-in-use' | 'cannot-listen';

  constructor(code: ListenError['code'], message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ListenError';
    this.code = code;
  }
}

function toListenError(error: unknown, port: number): ListenError {
  const code = error instanceof Error && 'code' in error ? error.code : undefined;
  if (code === 'EADDRINUSE')
    return new ListenError(
      'port-in-use',
      `port ${port} on 127.0.0.1 is already in use; choose another with --port, or --port 0 for any free one.`,
      { cause: error },
    );
  if (code === 'EACCES')
    return new ListenError(
      'cannot-listen',
      `port ${port} on 127.0.0.1 needs privileges this user lacks; choose one above 1023.`,
      { cause: error },
    );
  return new ListenError('cannot-listen', `cannot listen on 127.0.0.1:${port}: ${String(error)}`, {
    cause: error,
  });
}

/** Listens on 127.0.0.1 only and resolves to the port (a free one when `port` is 0). */
export function listenOnLoopback(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: unknown): void => reject(toListenError(error, port));
    server.once('error', onError);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address !== null ? address.port : port);
    });
  });
}

/**
 * Fails fast with a {@link ListenError} when `port` cannot be had, before a command spends
 * seconds on work it would then throw away (building the page, opening the database).
 */
export async function checkPortFree(port: number): Promise<void> {
  if (port === 0) return;
  const probe = createServer();
  await listenOnLoopback(probe, port);
  await new Promise<void>((resolve) => probe.close(() => resolve()));
}
