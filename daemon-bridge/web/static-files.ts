/**
 * Serving the built renderer from a directory, shared by web mode (HTTP)
 * and Electron (the app:// protocol handler). Plain Node; no transport.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, join, posix, sep } from 'node:path';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

/** Content type by extension; unknown files are opaque bytes (with nosniff they never execute). */
export function contentTypeOf(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps a URL pathname (still percent-encoded, no query) to a relative file
 * path inside the renderer directory, or null when it must not be served:
 * undecodable, NUL bytes, backslashes, `..` or dot-file segments. `/` is
 * `index.html`.
 */
export function staticRelativePath(pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((s) => s.length > 0);
  // Checked before normalising so `/a/../../x` is refused, not quietly folded to `/x`.
  if (segments.some((s) => s.startsWith('.'))) return null;
  const relative = posix.normalize(segments.join('/'));
  return relative === '.' || relative === '' ? 'index.html' : relative;
}

export interface StaticFile {
  readonly body: Buffer;
  readonly contentType: string;
}

/**
 * Reads `pathname` from `rootDir`, or null (→ 404) when it is refused,
 * missing, not a regular file, or resolves (through symlinks) outside the root.
 */
export async function readStaticFile(
  rootDir: string,
  pathname: string,
): Promise<StaticFile | null> {
  const relative = staticRelativePath(pathname);
  if (relative === null) return null;
  try {
    const root = await realpath(rootDir);
    const file = await realpath(join(root, relative));
    if (!file.startsWith(root + sep)) return null;
    if (!(await stat(file)).isFile()) return null;
    return { body: await readFile(file), contentType: contentTypeOf(file) };
  } catch {
    return null;
  }
}
