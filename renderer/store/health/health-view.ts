/**
 * The health panel's rows: each check with the fixes this app can apply
 * and the command line that does the same. Pure; the words are in
 * renderer/i18n/health-text.ts.
 */
import { supports } from '../../../daemon-bridge/contract/capabilities.ts';
import type { DaemonKind } from '../../../daemon-bridge/contract/capabilities.ts';
import {
  cleanupCommandLine,
  commandLinesFor,
  commandLineTools,
} from '../../../daemon-bridge/contract/command-lines.ts';
import type { AppState } from '../../../daemon-bridge/contract/domain.ts';
import { assertNever } from '../../../daemon-bridge/contract/domain.ts';
import type { HealthCheck, HealthState } from '../../../daemon-bridge/contract/health.ts';
import { selectDaemonKind } from '../capabilities/capability-selectors.ts';
import { memoizeLast } from '../memoize.ts';

/** What a fix button does. ("Check again" is the panel's own, for every check.) */
export type HealthFix = 'cleanup' | 'check-updates' | 'upgrade' | 'cancel';

export interface HealthRow {
  readonly check: HealthCheck;
  readonly fixes: readonly HealthFix[];
  /** The command that does the same, or shows more, in a terminal. */
  readonly command: string | null;
}

export interface HealthView {
  readonly health: HealthState;
  /** Checks that are not OK, most serious first. */
  readonly attention: readonly HealthRow[];
  readonly passed: readonly HealthRow[];
}

const SERIOUSNESS = { problem: 0, warning: 1, unknown: 2, ok: 3 } as const;

export const FINALIZE_JOURNAL_COMMAND = 'journalctl -b -1 -u ostree-finalize-staged.service';

function updateFix(kind: DaemonKind): readonly HealthFix[] {
  if (supports(kind, 'check-updates')) return ['check-updates'];
  return supports(kind, 'stage-update') ? ['upgrade'] : [];
}

/** The fixes and command of one check, for the connected daemon. */
export function healthRow(check: HealthCheck, kind: DaemonKind): HealthRow {
  const tool = commandLineTools[kind];
  const lines = commandLinesFor(tool);
  if (check.status === 'ok') return { check, fixes: [], command: null };
  switch (check.kind) {
    case 'boot-space':
    case 'sysroot-space':
      if (check.status === 'unknown') return { check, fixes: [], command: null };
      return {
        check,
        fixes: supports(kind, 'cleanup') ? ['cleanup'] : [],
        command: cleanupCommandLine(
          check.kind === 'boot-space' ? ['rollback-deploy'] : ['base', 'repomd'],
          tool,
        ),
      };
    case 'finalize':
      if (check.status === 'unknown') return { check, fixes: [], command: `${tool.name} status` };
      return { check, fixes: updateFix(kind), command: FINALIZE_JOURNAL_COMMAND };
    case 'update-age':
      return {
        check,
        fixes: updateFix(kind),
        command: supports(kind, 'check-updates') ? lines.check : lines.stage,
      };
    case 'stalled-transaction':
      return supports(kind, 'cancel')
        ? { check, fixes: ['cancel'], command: lines.cancel }
        : { check, fixes: [], command: null };
    default:
      return assertNever(check);
  }
}

export function deriveHealthView(health: HealthState, kind: DaemonKind): HealthView {
  const rows = health.checks.map((c) => healthRow(c, kind));
  return {
    health,
    attention: rows
      .filter((r) => r.check.status !== 'ok')
      .sort((a, b) => SERIOUSNESS[a.check.status] - SERIOUSNESS[b.check.status]),
    passed: rows.filter((r) => r.check.status === 'ok'),
  };
}

type Slices = { readonly app: AppState | null };

/** The panel's rows; null before the first snapshot. */
export const selectHealthView = memoizeLast(
  (s: Slices) => s.app?.health ?? null,
  (s: Slices) => selectDaemonKind(s) ?? 'rpm-ostree',
  (health, kind): HealthView | null => (health ? deriveHealthView(health, kind) : null),
);
