import { describe, expect, it } from 'vitest';
import { ELECTRON_CSP, RENDERER_META_CSP, webCsp } from '../../../daemon-bridge/web/csp.ts';

function directives(policy: string): Record<string, string | undefined> {
  const entries = policy.split('; ').map((d): [string, string] => {
    const [name = '', ...values] = d.split(' ');
    return [name, values.join(' ')];
  });
  return Object.fromEntries(entries);
}

describe('content security policy', () => {
  it('pins the Electron policy', () => {
    expect(ELECTRON_CSP).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'none'; base-uri 'none'; form-action 'none'; object-src 'none'; manifest-src 'self'; frame-ancestors 'none'",
    );
  });

  it('never allows inline or evaluated scripts anywhere', () => {
    for (const policy of [ELECTRON_CSP, webCsp(4000), RENDERER_META_CSP]) {
      expect(policy.startsWith("default-src 'none'")).toBe(true);
      expect(directives(policy)['script-src']).toBe("'self'");
    }
  });

  it('lets web mode connect only to its own WebSocket', () => {
    expect(directives(webCsp(4000))['connect-src']).toBe('ws://127.0.0.1:4000 ws://localhost:4000');
    expect(directives(webCsp(4000))['frame-ancestors']).toBe("'none'");
  });

  it('gives the renderer a meta policy without frame-ancestors (ignored in meta)', () => {
    expect(directives(RENDERER_META_CSP)['frame-ancestors']).toBeUndefined();
    expect(directives(RENDERER_META_CSP)['connect-src']).toBe(
      "'self' ws://127.0.0.1:* ws://localhost:*",
    );
  });
});
