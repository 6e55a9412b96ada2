/**
 * Runs the compiled main process (`tsc -p tsconfig.main.json`) under plain Node, with `electron`
 * resolved to electron-stub.ts, and prints one JSON line: what the window was given, which
 * events it was sent once its page said it was ready, and the answer to `getState` from the
 * app's own page.
 *
 *   node test/desktop/compiled/run-main.ts OUT_DIR
 */
import { registerHooks } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readyChannel } from '../../../main/core/contract/index.ts';

const [outDir = 'out'] = process.argv.slice(2);
const stubUrl = new URL('./electron-stub.ts', import.meta.url).href;
registerHooks({
  resolve: (specifier, context, next) =>
    specifier === 'electron' ? { url: stubUrl, shortCircuit: true } : next(specifier, context),
});

await import(pathToFileURL(join(outDir, 'main', 'index.js')).href);
const { earshotStub } = globalThis as unknown as {
  earshotStub: {
    handlers: Map<string, (event: unknown, request?: unknown) => Promise<unknown>>;
    listeners: Map<string, (event: unknown) => void>;
    windows: { loadedFile: string; webContents: { sent: string[] } }[];
  };
};
const [window] = earshotStub.windows;
if (window === undefined) throw new Error('no window was opened');
const fromPage = {
  sender: window.webContents,
  senderFrame: { url: pathToFileURL(window.loadedFile).href, parent: null },
};
// The page has subscribed to its events (the contract's ready channel): pushes may flow.
earshotStub.listeners.get(readyChannel)?.(fromPage);
const deadline = Date.now() + 20_000;
while (!window.webContents.sent.includes('model:ready') && Date.now() < deadline)
  await new Promise((resolve) => setTimeout(resolve, 50));
const state = await earshotStub.handlers.get('app:get-state')?.(fromPage);
const stranger = await earshotStub.handlers.get('app:get-state')?.({
  sender: {},
  senderFrame: { url: 'https://evil.example/', parent: null },
});
process.stdout.write(
  `${JSON.stringify({ loadedFile: window.loadedFile, sent: [...new Set(window.webContents.sent)], state, stranger })}\n`,
);
process.exit(0);
