import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RENDERER_META_CSP } from '../../../daemon-bridge/web/csp.ts';

const html = readFileSync(new URL('../../../renderer/index.html', import.meta.url), 'utf8');

describe('renderer/index.html', () => {
  it('carries the one renderer CSP as a meta tag', () => {
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html);
    expect(meta?.[1]).toBe(RENDERER_META_CSP);
  });

  it('has no inline script or style for that CSP to block', () => {
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.map(([, attrs, body]) => [/\bsrc=/.test(attrs ?? ''), body?.trim()])).toEqual([
      [true, ''],
    ]);
    expect(html).not.toMatch(/<style\b|\sstyle="/);
  });
});
