/**
 * The renderer is served from `app://bundle/` rather than file://: a custom
 * standard scheme gives the page a real, unique origin (file:// pages share
 * one with every file on disk), lets the handler attach the CSP header
 * itself, and makes the IPC sender check an exact origin test. This is the
 * Electron security checklist's "use custom protocols instead of file://".
 */
import type { CustomScheme } from 'electron';
import { ELECTRON_CSP } from '../daemon-bridge/web/csp.ts';
import { readStaticFile } from '../daemon-bridge/web/static-files.ts';

export const APP_SCHEME = 'app';
export const APP_HOST = 'bundle';
/** What the window loads. */
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * Privileges for `protocol.registerSchemesAsPrivileged`, which must run
 * before the app is ready. `standard` gives real origins and relative URL
 * resolution, `secure` a secure context; nothing bypasses CSP.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

/**
 * True for URLs of our own bundle. Compares scheme and host, not `origin`:
 * Node's URL reports the origin of non-special schemes as "null".
 */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

const BASE_HEADERS = {
  'Content-Security-Policy': ELECTRON_CSP,
  'X-Content-Type-Options': 'nosniff',
};

/** The `protocol.handle` handler: files of `rendererDir`, GET only, never outside it. */
export function rendererProtocolHandler(
  rendererDir: string,
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return new Response(null, { status: 405, headers: BASE_HEADERS });
    const url = new URL(request.url);
    const file = url.host === APP_HOST ? await readStaticFile(rendererDir, url.pathname) : null;
    if (file === null) return new Response(null, { status: 404, headers: BASE_HEADERS });
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(file.body), {
      status: 200,
      headers: { ...BASE_HEADERS, 'Content-Type': file.contentType },
    });
  };
}
