import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root of a checkout (this file is main/web/renderer-build.ts). */
const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
/** Where `vite build` puts the renderer. */
export const rendererOutDir = join(projectRoot, 'out', 'renderer');
/**
 * What the last build was made from. It lives beside the served folder, never in it: it lists
 * source files with sizes and times, which `earshot serve` must not hand to anyone.
 */
export const stampFile = join(projectRoot, 'out', 'renderer.source-stamp');
const sources = ['renderer', 'vite.config.ts', 'preload/api.ts', 'main/core/contract'];

function listFiles(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true }).flatMap((entry) =>
    entry.name === 'node_modules' ? [] : listFiles(join(path, entry.name)),
  );
}

/** Names, sizes and times of the renderer's sources: changes when any of them does. */
function sourceStamp(): string {
  return sources
    .flatMap((source) => listFiles(join(projectRoot, source)))
    .sort()
    .map((file) => {
      const stat = statSync(file);
      return `${relative(projectRoot, file)}:${stat.size}:${Math.floor(stat.mtimeMs)}`;
    })
    .join('\n');
}

/**
 * Makes sure `out/renderer` holds a build of the current sources, building it with Vite when it
 * is missing or stale — so `npx earshot serve` works right after `npm ci`. Resolves to whether it
 * built. A packaged app (no sources beside it) uses what it ships.
 */
export async function ensureRendererBuilt(onBuild?: () => void): Promise<boolean> {
  if (!existsSync(join(projectRoot, 'renderer', 'index.html'))) return false;
  const stamp = sourceStamp();
  const built = existsSync(join(rendererOutDir, 'index.html'));
  if (built && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return false;
  onBuild?.();
  const { build } = await import('vite');
  await build({ configFile: join(projectRoot, 'vite.config.ts'), logLevel: 'warn' });
  writeFileSync(stampFile, stamp);
  return true;
}
