/**
 * Guards for the window's session and web contents: no permissions, the
 * CSP on every response, no navigation away from the bundle, no new windows,
 * no <webview>.
 */
import type { Session, WebContents } from 'electron';
import { isAppUrl } from './app-protocol.ts';

export type SessionLike = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'
> & { readonly webRequest: Pick<Session['webRequest'], 'onHeadersReceived'> };

/**
 * The one permission granted, and only to our own bundle: writing text to
 * the clipboard (the renderer's "copy checksum" uses navigator.clipboard.
 * writeText, which Electron gates on it). Reading the clipboard stays denied.
 */
export const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

function granted(permission: string, url: string): boolean {
  return GRANTED_PERMISSIONS.has(permission) && isAppUrl(url);
}

/** Denies every other permission request, check and device, and sets `csp` on every response. */
export function hardenSession(session: SessionLike, csp: string): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(granted(permission, details.requestingUrl)),
  );
  session.setPermissionCheckHandler((_contents, permission, origin) => granted(permission, origin));
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    // Drop any policy a response brought in whatever letter case, then set ours.
    const headers = Object.fromEntries(
      Object.entries(details.responseHeaders ?? {}).filter(
        ([name]) => name.toLowerCase() !== 'content-security-policy',
      ),
    );
    callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [csp] } });
  });
}

export type ContentsLike = Pick<WebContents, 'setWindowOpenHandler' | 'on'>;

/** Denies window.open and blocks navigation or redirects to anything but our own bundle. */
export function guardWebContents(contents: ContentsLike): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
