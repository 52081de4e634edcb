/**
 * Sizes, speeds and durations for the activity panel, through Intl so
 * digits, separators and unit names follow the locale. Decimal units (kB,
 * MB), as GNOME does.
 */
import { numberFormat } from './intl-cache.ts';

const byteUnits = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

function scaled(bytes: number): { value: number; unit: (typeof byteUnits)[number] } {
  let value = Math.max(0, bytes);
  let index = 0;
  while (value >= 1000 && index < byteUnits.length - 1) {
    value /= 1000;
    index += 1;
  }
  return { value, unit: byteUnits[index] ?? 'byte' };
}

export function formatBytes(bytes: number, locales?: Intl.LocalesArgument): string {
  const { value, unit } = scaled(bytes);
  return numberFormat(locales, {
    style: 'unit',
    unit,
    // "999 byte" reads wrong; the long form says "999 bytes".
    unitDisplay: unit === 'byte' ? 'long' : 'short',
    maximumFractionDigits: unit === 'byte' ? 0 : 1,
  }).format(value);
}

export function formatSpeed(bytesPerSecond: number, locales?: Intl.LocalesArgument): string {
  const { value, unit } = scaled(bytesPerSecond);
  return numberFormat(locales, {
    style: 'unit',
    unit: `${unit}-per-second`,
    unitDisplay: 'short',
    maximumFractionDigits: unit === 'byte' ? 0 : 1,
  }).format(value);
}

/** A duration in whole seconds as at most two units: `1 hr 5 min`, `4 min 10 sec`, `9 sec`. */
export function formatDuration(seconds: number, locales?: Intl.LocalesArgument): string {
  const total = Math.max(0, Math.round(seconds));
  const part = (value: number, unit: 'hour' | 'minute' | 'second'): string =>
    numberFormat(locales, { style: 'unit', unit, unitDisplay: 'short' }).format(value);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const secs = total % 60;
  if (hours > 0) return `${part(hours, 'hour')} ${part(minutes, 'minute')}`;
  if (minutes > 0) return `${part(minutes, 'minute')} ${part(secs, 'second')}`;
  return part(secs, 'second');
}

export function formatPercent(value: number, locales?: Intl.LocalesArgument): string {
  return numberFormat(locales, { style: 'percent', maximumFractionDigits: 0 }).format(
    Math.min(100, Math.max(0, value)) / 100,
  );
}

/**
 * Builds the activity panel's formatters before a transaction needs them:
 * the first number format of a page sets up ICU, a long task that would
 * otherwise land in the first progress update. Call when the UI is idle.
 */
export function prepareTransferFormats(): void {
  formatPercent(0);
  formatBytes(1000);
  formatBytes(0);
  formatSpeed(1000);
  formatDuration(0);
}
