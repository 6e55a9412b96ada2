import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { ensureRendererBuilt, rendererOutDir } from '../../../main/web/renderer-build.ts';
import { readStaticFile } from '../../../main/web/static-files.ts';

/** install.ts and the fakes it imports as one script for `page.addInitScript`. */
export async function bundleFakeDesktopBridge(): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: false,
      lib: {
        entry: fileURLToPath(new URL('./install.ts', import.meta.url)),
        formats: ['iife'],
        name: 'EarshotFakeDesktopBridge',
      },
    },
  });
  for (const result of Array.isArray(output) ? output : [output])
    if ('output' in result)
      for (const item of result.output) if (item.type === 'chunk') return item.code;
  throw new Error('the fake desktop bridge did not bundle');
}

/** The built renderer over plain HTTP, as the window would load it: no server API behind it. */
export async function serveBuiltPage(): Promise<{ url: string; close: () => Promise<void> }> {
  await ensureRendererBuilt();
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    void readStaticFile(rendererOutDir, path).then((file) => {
      if (file === undefined) {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, { 'content-type': file.contentType }).end(file.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
