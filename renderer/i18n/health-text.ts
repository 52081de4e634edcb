/**
 * The words of a health check: a title for its status, what was measured
 * or found, and what to do about it. The fixes themselves (buttons,
 * commands) come from store/health/health-view.ts.
 */
import type { DiskSpaceCheck, HealthCheck } from '../../daemon-bridge/contract/health.ts';
import { assertNever } from '../../daemon-bridge/contract/domain.ts';
import { formatTimestamp } from './format.ts';
import { formatBytes } from './format-transfer.ts';
import { t } from './strings.ts';

export interface HealthText {
  readonly title: string;
  /** The daemon's or ostree's own words, shown as written (not translated). */
  readonly quote: string | null;
  /** What was measured or found, one sentence each. */
  readonly details: readonly string[];
  /** What to do about it; null when nothing needs doing. */
  readonly advice: string | null;
}

const when = (ms: number): string => formatTimestamp(Math.floor(ms / 1000));

function space(check: DiskSpaceCheck): string[] {
  if (check.freeBytes === null || check.totalBytes === null) return [];
  return [
    t('healthSpace', {
      free: formatBytes(check.freeBytes),
      total: formatBytes(check.totalBytes),
      path: check.path,
    }),
  ];
}

function diskText(check: DiskSpaceCheck): HealthText {
  const boot = check.kind === 'boot-space';
  if (check.status === 'unknown')
    return {
      title: t(boot ? 'healthBootUnknown' : 'healthSysrootUnknown'),
      quote: null,
      details: [t('healthCouldNotRun', { reason: check.reason ?? '' })],
      advice: null,
    };
  const title =
    check.status === 'ok'
      ? t(boot ? 'healthBootOk' : 'healthSysrootOk')
      : check.status === 'problem'
        ? t(boot ? 'healthBootFull' : 'healthSysrootFull')
        : t(boot ? 'healthBootLow' : 'healthSysrootLow');
  if (check.status === 'ok') return { title, quote: null, details: space(check), advice: null };
  const needs = {
    needed: formatBytes(check.requiredBytes ?? check.recommendedBytes),
    recommended: formatBytes(check.recommendedBytes),
  };
  return {
    title,
    quote: null,
    details: [...space(check), t(boot ? 'healthBootNeeds' : 'healthSysrootNeeds', needs)],
    advice: t(boot ? 'healthBootAdvice' : 'healthSysrootAdvice'),
  };
}

export function healthText(check: HealthCheck): HealthText {
  switch (check.kind) {
    case 'boot-space':
    case 'sysroot-space':
      return diskText(check);
    case 'finalize':
      switch (check.status) {
        case 'ok':
        case 'warning':
          return { title: t('healthFinalizeOk'), quote: null, details: [], advice: null };
        case 'problem':
          return {
            title: t('healthFinalizeFailed'),
            quote: check.message,
            details: [
              ...(check.message === null ? [t('healthFinalizeNoMessage')] : []),
              t('healthFinalizeBody'),
            ],
            advice: t('healthFinalizeAdvice'),
          };
        case 'unknown':
          return {
            title: t('healthFinalizeUnknown'),
            quote: null,
            details: [t('healthCouldNotRun', { reason: check.reason ?? '' })],
            advice: t('healthFinalizeUnknownAdvice'),
          };
        default:
          return assertNever(check.status);
      }
    case 'update-age': {
      if (check.status === 'unknown' || check.lastUpdateAt === null || check.basis === null)
        return {
          title: t('healthAgeUnknown'),
          quote: null,
          details: check.reason ? [t('healthCouldNotRun', { reason: check.reason })] : [],
          advice: null,
        };
      const basis = t(`healthAgeBasis_${check.basis}`, { when: when(check.lastUpdateAt) });
      return check.status === 'ok'
        ? { title: t('healthAgeOk'), quote: null, details: [basis], advice: null }
        : {
            title: t('healthAgeOld', { days: check.ageDays ?? check.maxAgeDays }),
            quote: null,
            details: [basis],
            advice: t('healthAgeAdvice'),
          };
    }
    case 'stalled-transaction':
      if (check.status === 'ok' || check.lastProgressAt === null)
        return { title: t('healthStallOk'), quote: null, details: [], advice: null };
      return {
        title: t('healthStalled', {
          title: check.title ?? '',
          minutes: check.stallAfterMinutes,
        }),
        quote: null,
        details: [t('healthStalledBody', { when: when(check.lastProgressAt) })],
        advice: t('healthStalledAdvice'),
      };
    default:
      return assertNever(check);
  }
}
