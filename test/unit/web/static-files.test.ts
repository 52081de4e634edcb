import { describe, expect, it } from 'vitest';
import { contentTypeOf, staticRelativePath } from '../../../daemon-bridge/web/static-files.ts';

describe('static file paths', () => {
  it.each([
    ['/', 'index.html'],
    ['/index.html', 'index.html'],
    ['/assets/index-abc.js', 'assets/index-abc.js'],
    ['/assets//x.css', 'assets/x.css'],
    ['/fonts/a%20b.woff2', 'fonts/a b.woff2'],
  ])('maps %s to %s', (pathname, expected) => {
    expect(staticRelativePath(pathname)).toBe(expected);
  });

  it.each([
    '/../etc/passwd',
    '/assets/../../etc/passwd',
    '/assets/../index.html',
    '/%2e%2e/etc/passwd',
    '/..%2fetc%2fpasswd',
    '/a%5c..%5c..%5cetc',
    '/a\\b',
    '/%00',
    '/%E0%A4%A',
    '/.git/config',
    'index.html',
    'http://evil.example/',
  ])('refuses %s', (pathname) => {
    expect(staticRelativePath(pathname)).toBeNull();
  });

  it('names content types by extension', () => {
    expect(
      ['a.html', 'a.js', 'a.css', 'a.svg', 'a.woff2', 'a.PNG', 'a.bin'].map(contentTypeOf),
    ).toEqual([
      'text/html; charset=utf-8',
      'text/javascript; charset=utf-8',
      'text/css; charset=utf-8',
      'image/svg+xml',
      'font/woff2',
      'image/png',
      'application/octet-stream',
    ]);
  });
});
