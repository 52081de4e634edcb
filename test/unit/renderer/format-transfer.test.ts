import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatDuration,
  formatPercent,
  formatSpeed,
} from '../../../renderer/i18n/format-transfer.ts';

describe('transfer formatting (en-US)', () => {
  it.each([
    [0, '0 bytes'],
    [999, '999 bytes'],
    [52_400_000, '52.4 MB'],
    [1_500_000_000, '1.5 GB'],
  ])('formats %d bytes as %s', (bytes, text) => {
    expect(formatBytes(bytes, 'en-US')).toBe(text);
  });

  it('formats speeds and percentages', () => {
    expect(formatSpeed(2_100_000, 'en-US')).toBe('2.1 MB/s');
    expect(formatPercent(42.4, 'en-US')).toBe('42%');
    expect(formatPercent(140, 'en-US')).toBe('100%');
  });

  it.each([
    [9, '9 sec'],
    [130, '2 min 10 sec'],
    [3900, '1 hr 5 min'],
  ])('formats %d seconds as %s', (seconds, text) => {
    expect(formatDuration(seconds, 'en-US')).toBe(text);
  });

  it('uses the locale', () => {
    expect(formatBytes(52_400_000, 'de-DE')).toBe('52,4 MB');
  });
});
