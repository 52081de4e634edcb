/**
 * Intl formatters, made once per locale and options. Making one is slow, and
 * the first of a page is very slow (Chromium sets up ICU: tens of
 * milliseconds); the activity panel formats on every progress update.
 */
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function key(kind: string, locales: Intl.LocalesArgument, options: object): string {
  const tags = locales === undefined ? [] : Array.isArray(locales) ? locales : [locales];
  return `${kind}|${tags.map(String).join(',')}|${JSON.stringify(options)}`;
}

function cached<F extends Intl.NumberFormat | Intl.DateTimeFormat>(k: string, make: () => F): F {
  let format = formatters.get(k) as F | undefined;
  if (!format) {
    format = make();
    formatters.set(k, format);
  }
  return format;
}

export function numberFormat(
  locales: Intl.LocalesArgument,
  options: Intl.NumberFormatOptions,
): Intl.NumberFormat {
  return cached(key('n', locales, options), () => new Intl.NumberFormat(locales, options));
}

export function dateTimeFormat(
  locales: Intl.LocalesArgument,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  return cached(key('d', locales, options), () => new Intl.DateTimeFormat(locales, options));
}

/** `formatTimestamp`'s (format.ts) medium date and short time. */
export const TIMESTAMP_FORMAT: Intl.DateTimeFormatOptions = {
  dateStyle: 'medium',
  timeStyle: 'short',
};

/**
 * Builds the formatter `formatTimestamp` uses, ahead of the first screen:
 * main.tsx runs it while the rest of the UI's code downloads.
 */
export function prepareTimestampFormat(): void {
  dateTimeFormat(undefined, TIMESTAMP_FORMAT);
}
