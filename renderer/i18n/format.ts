/**
 * Locale-aware formatting of domain values for display. `locales` defaults
 * to the runtime's own locale (the desktop's, under Electron).
 */
import type {
  DeploymentRole,
  Origin,
  PackageReplacement,
} from '../../daemon-bridge/contract/domain.ts';
import { assertNever } from '../../daemon-bridge/contract/domain.ts';
import { dateTimeFormat, TIMESTAMP_FORMAT } from './intl-cache.ts';
import { t } from './strings.ts';
import type { PlainStringKey } from './strings.ts';

/** A commit timestamp (Unix seconds) as a medium date and short time. */
export function formatTimestamp(
  seconds: number | null,
  locales?: Intl.LocalesArgument,
  timeZone?: string,
): string {
  if (seconds === null) return t('dateUnknown');
  return dateTimeFormat(locales, {
    ...TIMESTAMP_FORMAT,
    ...(timeZone === undefined ? {} : { timeZone }),
  }).format(new Date(seconds * 1000));
}

/** ISO 8601 form for `<time dateTime>`. */
export function isoTimestamp(seconds: number): string {
  return new Date(seconds * 1000).toISOString();
}

/** Where a deployment comes from, as one line of text. */
export function originText(origin: Origin): string {
  switch (origin.kind) {
    case 'ref':
      return origin.refspec;
    case 'container':
      return origin.reference;
    case 'checksum':
      return t('originChecksum', { checksum: origin.checksum });
    case 'unknown':
      return t('originUnknown');
    default:
      return assertNever(origin);
  }
}

const roleKeys: { readonly [R in DeploymentRole]: PlainStringKey } = {
  booted: 'roleBooted',
  pending: 'rolePending',
  rollback: 'roleRollback',
  other: 'roleOther',
};

export function roleLabel(role: DeploymentRole): string {
  return t(roleKeys[role]);
}

export function replacementText(entry: PackageReplacement): string {
  return t('replacement', { original: entry.original.nevra, replacement: entry.replacement.nevra });
}
