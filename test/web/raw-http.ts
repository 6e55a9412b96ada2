import { connect } from 'node:net';

/**
 * Sends `head` (a request line and headers, as typed) over a plain socket and resolves to the
 * status code of the reply, or to 0 when the server closed the connection without one. A raw
 * socket is the only way to send request lines that `http.request` and `fetch` refuse to build,
 * such as `GET //[`.
 */
export function sendRaw(port: number, head: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(`${head}\r\n\r\n`));
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      text += chunk;
      if (/\r\n\r\n/.test(text)) socket.end();
    });
    socket.on('error', reject);
    socket.on('close', () => {
      const match = /^HTTP\/1\.1 (\d{3})/.exec(text);
      resolve({ status: match ? Number(match[1]) : 0, text });
    });
  });
}
