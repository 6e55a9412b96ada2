import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

export interface StaticFile {
  readonly body: Buffer;
  readonly contentType: string;
}

/**
 * A file of the built renderer, or undefined when there is none at that path. Paths that would
 * leave the folder (`..`, encoded or not) find nothing, and neither do dot-files: a build's
 * bookkeeping (a stamp listing source files, say) is nobody's business but the build's.
 */
export async function readStaticFile(
  root: string,
  urlPath: string,
): Promise<StaticFile | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.split(/[/\\]/).some((segment) => segment.startsWith('.'))) return undefined;
  const relative = normalize(decoded === '/' ? '/index.html' : decoded).replace(/^([/\\])+/, '');
  const path = join(root, relative);
  if (relative.startsWith('..') || !path.startsWith(root.endsWith(sep) ? root : root + sep))
    return undefined;
  try {
    const body = await readFile(path);
    return { body, contentType: contentTypes[extname(path)] ?? 'application/octet-stream' };
  } catch {
    return undefined;
  }
}

/** Puts the launch token where the page's transport finds it. */
export function injectToken(html: string, token: string): string {
  return html.replace('</head>', `  <meta name="earshot-token" content="${token}">\n  </head>`);
}
