/**
 * Issue #6: "a test pins the CSP". The exact policy each transport sends —
 * Electron's app:// handler and session hook, web mode's HTTP headers — and
 * the renderer's <meta> policy that both carry, written out literally so
 * that any change to daemon-bridge/web/csp.ts shows up here; then the
 * properties that make them strict.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { securityHeaders } from '../../../daemon-bridge/web/http-handler.ts';
import { APP_INDEX_URL, rendererProtocolHandler } from '../../../electron/app-protocol.ts';
import { hardenSession } from '../../../electron/harden.ts';
import { tempDir } from '../../support/temp-dir.ts';
import { fakeSession } from './electron-fakes.ts';

vi.mock('electron', () => {
  throw new Error('the CSP must not need Electron');
});

const ELECTRON =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
  "connect-src 'none'; base-uri 'none'; form-action 'none'; object-src 'none'; manifest-src 'self'; " +
  "frame-ancestors 'none'";
const PORT = 43117;
const WEB =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
  `connect-src ws://127.0.0.1:${PORT} ws://localhost:${PORT}; base-uri 'none'; form-action 'none'; ` +
  "object-src 'none'; manifest-src 'self'; frame-ancestors 'none'";
const META =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
  "connect-src 'self' ws://127.0.0.1:* ws://localhost:*; base-uri 'none'; form-action 'none'; " +
  "object-src 'none'; manifest-src 'self'";

const dir = tempDir('csp');
mkdirSync(join(dir.path, 'renderer'));
writeFileSync(join(dir.path, 'renderer', 'index.html'), '<!doctype html>');
afterAll(() => dir.remove());

/** The policy the app:// handler sends with a page, a missing file and a refused method. */
async function appProtocolPolicies(): Promise<(string | null)[]> {
  const serve = rendererProtocolHandler(join(dir.path, 'renderer'));
  const replies = await Promise.all([
    serve(new Request(APP_INDEX_URL)),
    serve(new Request('app://bundle/missing.js')),
    serve(new Request(APP_INDEX_URL, { method: 'POST' })),
  ]);
  return replies.map((r) => r.headers.get('content-security-policy'));
}

/** The policy the session hook puts on a response that brought its own. */
function sessionPolicy(): unknown {
  const session = fakeSession();
  hardenSession(session, ELECTRON);
  const hook = session.webRequest.onHeadersReceived.mock.calls[0]?.[0] as (
    details: unknown,
    callback: (response: { responseHeaders: Record<string, string[]> }) => void,
  ) => void;
  let headers: Record<string, string[]> = {};
  hook({ responseHeaders: { 'content-security-policy': ['default-src *'] } }, (r) => {
    headers = r.responseHeaders;
  });
  return headers;
}

function metaPolicy(): string | undefined {
  const html = readFileSync(new URL('../../../renderer/index.html', import.meta.url), 'utf8');
  return /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html)?.[1];
}

/** Directive name → its sources; throws on a directive given twice (browsers keep the first). */
function directives(policy: string): Map<string, readonly string[]> {
  const map = new Map<string, readonly string[]>();
  for (const directive of policy.split(';').map((d) => d.trim())) {
    const [name = '', ...sources] = directive.split(/\s+/);
    if (map.has(name)) throw new Error(`${name} given twice`);
    map.set(name, sources);
  }
  return map;
}

describe('Content-Security-Policy of both transports', () => {
  it('pins the Electron policy: every app:// reply and the session hook', async () => {
    expect(await appProtocolPolicies()).toEqual([ELECTRON, ELECTRON, ELECTRON]);
    expect(sessionPolicy()).toEqual({ 'Content-Security-Policy': [ELECTRON] });
  });

  it('pins the web-mode policy sent with every HTTP reply', () => {
    expect(securityHeaders(PORT)['Content-Security-Policy']).toBe(WEB);
  });

  it('pins the <meta> policy of renderer/index.html, which both transports serve', () => {
    expect(metaPolicy()).toBe(META);
  });

  describe.each([
    ['Electron', ELECTRON],
    ['web mode', WEB],
    ['<meta>', META],
  ])('%s policy', (_name, policy) => {
    const d = directives(policy);

    it("starts from default-src 'none' and names script-src itself", () => {
      expect(d.get('default-src')).toEqual(["'none'"]);
      expect(d.get('script-src')).toEqual(["'self'"]);
    });

    it('allows no inline, evaluated or foreign code or styles', () => {
      const all = [...d.values()].flat();
      for (const unsafe of [
        "'unsafe-inline'",
        "'unsafe-eval'",
        "'unsafe-hashes'",
        "'wasm-unsafe-eval'",
        "'strict-dynamic'",
        '*',
        'blob:',
        'http:',
        'https:',
      ])
        expect(all).not.toContain(unsafe);
      expect(all.filter((s) => /^https?:\/\//.test(s))).toEqual([]);
      expect(d.get('style-src')).toEqual(["'self'"]);
    });

    it('embeds no plugins, sets no base, posts no forms', () => {
      expect(d.get('object-src')).toEqual(["'none'"]);
      expect(d.get('base-uri')).toEqual(["'none'"]);
      expect(d.get('form-action')).toEqual(["'none'"]);
    });
  });

  it('lets the Electron page connect nowhere (it talks to main over IPC only)', () => {
    expect(directives(ELECTRON).get('connect-src')).toEqual(["'none'"]);
  });

  it("lets the web page connect only to its own server's WebSocket on loopback", () => {
    expect(directives(WEB).get('connect-src')).toEqual([
      `ws://127.0.0.1:${PORT}`,
      `ws://localhost:${PORT}`,
    ]);
  });

  it('forbids framing in both headers; the meta policy leaves it out, as browsers ignore it there', () => {
    expect(directives(ELECTRON).get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives(WEB).get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives(META).has('frame-ancestors')).toBe(false);
  });
});
