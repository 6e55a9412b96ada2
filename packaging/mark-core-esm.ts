/**
 * Part of `npm run build`: writes `{"type":"module"}` into out/main/core/package.json.
 *
 * The core is unpacked from app.asar (electron-builder.yml `asarUnpack`) so that its worker
 * threads can start from real files, and the project's package.json, which says the `.js`
 * files are ES modules, stays inside the archive. Without a marker beside them, Node would
 * have to guess the module system of each worker from its syntax.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function markCoreAsEsm(outDir: string): string {
  const file = join(outDir, 'main', 'core', 'package.json');
  mkdirSync(join(outDir, 'main', 'core'), { recursive: true });
  writeFileSync(file, `${JSON.stringify({ type: 'module' })}\n`);
  return file;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  markCoreAsEsm(fileURLToPath(new URL('../out/', import.meta.url)));
}
