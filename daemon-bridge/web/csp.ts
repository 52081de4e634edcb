/**
 * The one Content-Security-Policy of the app. Electron (response header on
 * app://), web mode (HTTP header) and the renderer's <meta> tag all derive
 * from `contentSecurityPolicy`, so the policies differ only in where the
 * renderer may connect.
 */

export interface CspOptions {
  /** Sources for `connect-src`; empty means `'none'`. */
  readonly connectSrc: readonly string[];
  /**
   * `frame-ancestors` is ignored (with a console warning) in a <meta> tag,
   * so the meta variant leaves it out; headers always carry it.
   */
  readonly forMeta?: boolean;
}

/** Builds the policy: everything starts from `default-src 'none'` and opens only what the bundle needs. */
export function contentSecurityPolicy(options: CspOptions): string {
  const connect = options.connectSrc.length > 0 ? options.connectSrc.join(' ') : "'none'";
  const directives = [
    "default-src 'none'",
    "script-src 'self'",
    // No 'unsafe-inline' even for styles: React's style props go through
    // CSSOM, which CSP does not police; only injected <style> elements would
    // need it (Radix Dialog's scroll lock does; see the renderer's meta policy).
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${connect}`,
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
    "manifest-src 'self'",
  ];
  if (!options.forMeta) directives.push("frame-ancestors 'none'");
  return directives.join('; ');
}

/** Electron: the renderer talks to main over IPC only, so it may connect nowhere. */
export const ELECTRON_CSP = contentSecurityPolicy({ connectSrc: [] });

/** Web mode on `port`: the page may open the WebSocket back to this server, nothing else. */
export function webCsp(port: number): string {
  return contentSecurityPolicy({
    connectSrc: [`ws://127.0.0.1:${port}`, `ws://localhost:${port}`],
  });
}

/**
 * For the renderer's `<meta http-equiv="Content-Security-Policy">`. Browsers
 * enforce meta and header policies together (both must allow a load), so the
 * meta policy must admit web mode's WebSocket on any port; the header of each
 * transport narrows it to the real port (web) or to nothing (Electron).
 */
export const RENDERER_META_CSP = contentSecurityPolicy({
  connectSrc: ["'self'", 'ws://127.0.0.1:*', 'ws://localhost:*'],
  forMeta: true,
});
