/**
 * Plain HTTP side of web mode: the built renderer as static files, behind
 * the Host check and the session token.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { WEB_TOKEN_PARAM } from '../contract/web-protocol.ts';
import type { Logger } from '../logger.ts';
import { webCsp } from './csp.ts';
import { readStaticFile } from './static-files.ts';
import {
  isAllowedHost,
  readCookie,
  tokenCookie,
  tokenCookieName,
  tokensEqual,
} from './web-auth.ts';

export interface WebContext {
  readonly port: number;
  readonly token: string;
  readonly rendererDir: string;
  readonly log: Logger;
}

/** Headers on every response, errors included. */
export function securityHeaders(port: number): Record<string, string> {
  return {
    'Content-Security-Policy': webCsp(port),
    'X-Content-Type-Options': 'nosniff',
    // The page URL carries the token: never send it anywhere as a referrer.
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  };
}

/** Splits a request target into path and query without resolving it against any host. */
export function splitTarget(target: string | undefined): {
  pathname: string;
  query: URLSearchParams;
} {
  const raw = target ?? '/';
  const q = raw.indexOf('?');
  return q < 0
    ? { pathname: raw, query: new URLSearchParams() }
    : { pathname: raw.slice(0, q), query: new URLSearchParams(raw.slice(q + 1)) };
}

/** How a request proved it knows the token, if it did. */
export function tokenSource(
  req: IncomingMessage,
  query: URLSearchParams,
  ctx: WebContext,
): 'query' | 'cookie' | null {
  const fromQuery = query.get(WEB_TOKEN_PARAM);
  if (fromQuery !== null && tokensEqual(fromQuery, ctx.token)) return 'query';
  const fromCookie = readCookie(req.headers.cookie, tokenCookieName(ctx.port));
  if (fromCookie !== null && tokensEqual(fromCookie, ctx.token)) return 'cookie';
  return null;
}

/** Logs a refusal without the query string, which may hold a (wrong or right) token. */
export function logRefusal(ctx: WebContext, what: string, pathname: string, reason: string): void {
  ctx.log.warn(`web: refused ${what} ${pathname.slice(0, 100)}: ${reason}`);
}

/** Answers one HTTP request. Never throws; every path ends the response. */
export async function handleHttpRequest(
  req: IncomingMessage,
  res: ServerResponse,
  ctx: WebContext,
): Promise<void> {
  const { pathname, query } = splitTarget(req.url);
  const send = (status: number, body: string, extra: Record<string, string> = {}) => {
    res.writeHead(status, {
      ...securityHeaders(ctx.port),
      'Content-Type': 'text/plain; charset=utf-8',
      ...extra,
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
  if (!isAllowedHost(req.headers.host, ctx.port)) {
    logRefusal(ctx, 'request for', pathname, 'foreign Host header');
    return send(403, 'Forbidden\n');
  }
  if (req.method !== 'GET' && req.method !== 'HEAD')
    return send(405, 'Method not allowed\n', { Allow: 'GET, HEAD' });
  const source = tokenSource(req, query, ctx);
  if (source === null) {
    logRefusal(ctx, 'request for', pathname, 'missing or wrong token');
    return send(403, 'Forbidden: open the URL printed at start-up, with its token.\n');
  }
  const file = await readStaticFile(ctx.rendererDir, pathname);
  if (file === null) return send(404, 'Not found\n');
  const headers: Record<string, string> = {
    ...securityHeaders(ctx.port),
    'Content-Type': file.contentType,
    'Content-Length': String(file.body.length),
  };
  // Later requests (scripts, styles) carry no query string; the cookie admits them.
  if (source === 'query') headers['Set-Cookie'] = tokenCookie(ctx.port, ctx.token);
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : file.body);
}
