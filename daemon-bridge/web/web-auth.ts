/**
 * The checks every web-mode request passes before anything else happens:
 * the Host header (DNS rebinding), the Origin of a WebSocket (cross-site
 * WebSocket hijacking) and the session token. Pure functions.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh session token: 32 random bytes, hex. */
export function generateToken(): string {
  return randomBytes(32).toString('hex');
}

/**
 * Constant-time comparison. Both sides are hashed first so neither the
 * content nor the length of the expected token leaks through timing.
 */
export function tokensEqual(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b) && given.length === expected.length;
}

/** The only hosts the server answers to; anything else is a rebound DNS name. */
export function allowedHosts(port: number): readonly string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

/** True when the Host header names this server by loopback address or `localhost`. */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  return host !== undefined && allowedHosts(port).includes(host.toLowerCase());
}

/**
 * True when a WebSocket's Origin is a page of this server. A missing Origin
 * is refused too: browsers always send one, and other clients can set it.
 */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  return origin !== undefined && allowedHosts(port).some((h) => origin === `http://${h}`);
}

/**
 * Per-port cookie name: cookies are not isolated by port, so two instances
 * on 127.0.0.1 must not overwrite each other's token.
 */
export function tokenCookieName(port: number): string {
  return `oum_token_${port}`;
}

/** The cookie that carries the token after the first authenticated page load. */
export function tokenCookie(port: number, token: string): string {
  return `${tokenCookieName(port)}=${token}; Path=/; HttpOnly; SameSite=Strict`;
}

/** Value of cookie `name` in a Cookie header, or null. */
export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}
