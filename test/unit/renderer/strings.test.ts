import { describe, expect, it } from 'vitest';
import { interpolate, strings, t } from '../../../renderer/i18n/strings.ts';

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
