import { describe, expect, it } from 'vitest';
import {
  generateToken,
  isAllowedHost,
  isAllowedOrigin,
  readCookie,
  tokenCookie,
  tokensEqual,
} from '../../../daemon-bridge/web/web-auth.ts';

describe('web auth checks', () => {
  it('generates distinct 32-byte hex tokens', () => {
    const a = generateToken();
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(generateToken()).not.toBe(a);
  });

  it('compares tokens exactly', () => {
    const t = 'ab'.repeat(32);
    expect(tokensEqual(t, t)).toBe(true);
    expect(tokensEqual(t.slice(0, 63), t)).toBe(false);
    expect(tokensEqual(`${t}0`, t)).toBe(false);
    expect(tokensEqual('', t)).toBe(false);
    expect(tokensEqual(t.toUpperCase(), t)).toBe(false);
  });

  it('accepts only loopback Host headers on our port', () => {
    expect(
      ['127.0.0.1:8080', 'localhost:8080', 'LOCALHOST:8080'].map((h) => isAllowedHost(h, 8080)),
    ).toEqual([true, true, true]);
    for (const host of [
      undefined,
      '',
      '127.0.0.1',
      '127.0.0.1:8081',
      'evil.example:8080',
      '[::1]:8080',
      '0.0.0.0:8080',
    ])
      expect(isAllowedHost(host, 8080)).toBe(false);
  });

  it('accepts only our own page as WebSocket Origin', () => {
    expect(isAllowedOrigin('http://127.0.0.1:8080', 8080)).toBe(true);
    expect(isAllowedOrigin('http://localhost:8080', 8080)).toBe(true);
    for (const origin of [
      undefined,
      'null',
      'http://127.0.0.1:8081',
      'https://127.0.0.1:8080',
      'http://evil.example',
      'http://127.0.0.1:8080.evil.example',
    ])
      expect(isAllowedOrigin(origin, 8080)).toBe(false);
  });

  it('writes an HttpOnly SameSite=Strict cookie per port and reads it back', () => {
    expect(tokenCookie(8080, 'abc')).toBe('oum_token_8080=abc; Path=/; HttpOnly; SameSite=Strict');
    expect(readCookie('a=1; oum_token_8080=abc; b=2', 'oum_token_8080')).toBe('abc');
    expect(readCookie('oum_token_8081=abc', 'oum_token_8080')).toBeNull();
    expect(readCookie(undefined, 'oum_token_8080')).toBeNull();
  });
});
