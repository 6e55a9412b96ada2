/**
 * Inputs a careless user or a hostile web page can produce, each with the answer Earshot must
 * give: a status code from `earshot serve` (which must still be serving afterwards), or an
 * exit code and a single line from the `earshot` command (leaving the file it was pointed at as
 * it was).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../bin/earshot.js', import.meta.url));

export interface Refusals {
  readonly tried: number;
  readonly refused: number;
  readonly problems: string[];
}

/** Sends raw bytes and resolves to the reply's status code (0: no reply). */
export function rawStatus(port: number, bytes: string): Promise<number> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(bytes));
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      text += chunk;
      if (text.includes('\r\n\r\n')) socket.destroy();
    });
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0)));
  });
}

/** Hostile or broken HTTP requests and the status each must get. */
export function hostileRequests(port: number, token: string): [string, string, number][] {
  const host = `Host: 127.0.0.1:${port}`;
  const api = (body: string, extra = '') =>
    `POST /api/recommend HTTP/1.1\r\n${host}\r\nX-Earshot-Token: ${token}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}${extra}\r\n\r\n${body}`;
  return [
    ['request line //[', `GET //[ HTTP/1.1\r\n${host}\r\n\r\n`, 400],
    ['request line *', `GET * HTTP/1.1\r\n${host}\r\n\r\n`, 400],
    ['absolute-form target', `GET http://[::1 HTTP/1.1\r\n${host}\r\n\r\n`, 400],
    ['//[ from another Host', 'GET //[ HTTP/1.1\r\nHost: evil.example\r\n\r\n', 403],
    ['DNS-rebound Host', 'GET / HTTP/1.1\r\nHost: evil.example:80\r\n\r\n', 403],
    ['no Host at all', 'GET / HTTP/1.0\r\n\r\n', 403],
    [
      'API without token',
      `POST /api/getState HTTP/1.1\r\n${host}\r\nContent-Length: 0\r\n\r\n`,
      401,
    ],
    [
      'API with a wrong token',
      `POST /api/getState HTTP/1.1\r\n${host}\r\nX-Earshot-Token: x\r\nContent-Length: 0\r\n\r\n`,
      401,
    ],
    ['events without token', `GET /api/events HTTP/1.1\r\n${host}\r\n\r\n`, 401],
    [
      'API by GET',
      `GET /api/recommend HTTP/1.1\r\n${host}\r\nX-Earshot-Token: ${token}\r\n\r\n`,
      405,
    ],
    [
      'unknown method',
      `POST /api/dropTables HTTP/1.1\r\n${host}\r\nX-Earshot-Token: ${token}\r\nContent-Length: 0\r\n\r\n`,
      404,
    ],
    [
      'desktop-only method',
      `POST /api/getSettings HTTP/1.1\r\n${host}\r\nX-Earshot-Token: ${token}\r\nContent-Length: 0\r\n\r\n`,
      404,
    ],
    ['body that is not JSON', api('{nope'), 400],
    ['body of 100 KB', api(`{"count":${' '.repeat(100 * 1024)}3}`), 413],
    ['build stamp', `GET /.source-stamp HTTP/1.1\r\n${host}\r\n\r\n`, 404],
    ['encoded traversal', `GET /..%2f..%2fetc%2fpasswd HTTP/1.1\r\n${host}\r\n\r\n`, 404],
    ['malformed header line', `GET / HTTP/1.1\r\n${host}\r\nbad header\r\n\r\n`, 400],
  ];
}

const hashOf = (path: string): string =>
  existsSync(path) ? createHash('sha256').update(readFileSync(path)).digest('hex') : 'missing';

/**
 * Runs `earshot args…`; a refusal is the expected exit code, one line on stderr naming the
 * problem (progress lines aside), and `untouched` (if given) byte-identical afterwards.
 */
export function refusedInOneLine(
  args: string[],
  exitCode: number,
  untouched?: string,
  env: NodeJS.ProcessEnv = {},
): string | undefined {
  const before = untouched === undefined ? '' : hashOf(untouched);
  const run = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  const lines = run.stderr
    .trim()
    .split('\n')
    .filter((line) => line.startsWith('earshot '));
  if (run.status !== exitCode) return `exit ${run.status}, expected ${exitCode}: ${run.stderr}`;
  if (exitCode !== 2 && lines.length !== 1) return `${lines.length} message lines: ${run.stderr}`;
  if (/\n\s+at /.test(run.stderr)) return `a stack trace: ${run.stderr}`;
  if (untouched !== undefined && hashOf(untouched) !== before) return `${untouched} changed`;
  return undefined;
}
