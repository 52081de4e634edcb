import { describe, expect, it } from 'vitest';
import { interpolate, strings, t, tn } from '../../../renderer/i18n/strings.ts';

describe('interpolate', () => {
  it('fills every placeholder, numbers included', () => {
    expect(interpolate('{a} and {b}, {a} again: {n}', { a: 'x', b: 'y', n: 3 })).toBe(
      'x and y, x again: 3',
    );
  });

  it('leaves unknown placeholders as written and ignores inherited keys', () => {
    expect(interpolate('{missing} {toString}', {})).toBe('{missing} {toString}');
  });

  it('does not re-interpret placeholders inside substituted values', () => {
    expect(interpolate('{a}', { a: '{b}', b: 'no' })).toBe('{b}');
  });
});

describe('t', () => {
  it('returns plain strings unchanged', () => {
    expect(t('appTitle')).toBe(strings.appTitle);
  });

  it('interpolates typed parameters', () => {
    expect(t('refreshFailed', { message: 'denied' })).toBe('Could not refresh: denied');
  });

  it('has no string that still shows a raw placeholder after filling its own names', () => {
    for (const [key, template] of Object.entries(strings)) {
      const names = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '');
      const filled = interpolate(template, Object.fromEntries(names.map((n) => [n, 'X'])));
      expect(filled, key).not.toMatch(/\{\w+\}/);
    }
  });
});

describe('tn picks the plural form', () => {
  it('one and other, with the other placeholders filled', () => {
    expect([
      tn('statusAdvisories', 1, { severity: 'Critical' }),
      tn('statusAdvisories', 3, { severity: 'Critical' }),
      tn('statusAvailableBody', 1, { version: '43.1' }),
      tn('statusAvailableBody', 0, { version: '43.1' }),
    ]).toEqual([
      '1 advisory, severity: Critical',
      '3 advisories, the most severe: Critical',
      '43.1 · 1 package change',
      '43.1 · 0 package changes',
    ]);
  });
});
