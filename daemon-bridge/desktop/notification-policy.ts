/**
 * Which notifications to raise, as a pure function of the app state and
 * what was already notified. Users complain both that they are never told
 * an update is staged and that they are nagged daily, so:
 *
 * - a staged (pending) deployment is announced once per deployment id,
 *   whoever staged it (this app, the CLI, the daemon's automatic timer) and
 *   even if it appeared while the app was not running;
 * - an update carrying important or critical advisories is announced once
 *   per commit (not again when it gets staged: the staged notice names them);
 * - a failed transaction or check is announced once;
 * - quiet mode announces only security-critical updates.
 *
 * Keys are remembered even when quiet mode held a notification back, so
 * turning quiet mode off later does not bring old news.
 */
import type { DesktopSettings, NotificationRecord } from '../contract/desktop.ts';
import type { AppState, Deployment, SystemState } from '../contract/domain.ts';
import type { Advisory } from '../contract/updates.ts';
import { offersUpdate } from '../contract/updates.ts';

/** What was already considered, newest last. */
export interface NotifyMemory {
  readonly keys: readonly string[];
}

/** How many keys are remembered: far more than a system ever has deployments and failures in flight. */
export const MAX_REMEMBERED_KEYS = 200;

export interface NotifyDecision {
  readonly memory: NotifyMemory;
  /** Newly raised, in the order they happened. */
  readonly raised: readonly NotificationRecord[];
}

interface Candidate {
  readonly record: NotificationRecord;
  /** Other keys this notice covers (an update announced as staged). */
  readonly alsoCovers: readonly string[];
  /** Raised even in quiet mode. */
  readonly critical: boolean;
}

export function decideNotifications(
  memory: NotifyMemory,
  state: AppState,
  settings: DesktopSettings,
  now: number,
): NotifyDecision {
  const known = new Set(memory.keys);
  const fresh = candidates(state, now).filter((c) => !known.has(c.record.key));
  if (fresh.length === 0) return { memory, raised: [] };
  const added: string[] = [];
  const raised: NotificationRecord[] = [];
  for (const c of fresh) {
    if (known.has(c.record.key)) continue;
    for (const key of [c.record.key, ...c.alsoCovers])
      if (!known.has(key)) {
        known.add(key);
        added.push(key);
      }
    if (!settings.quiet || c.critical) raised.push(c.record);
  }
  return {
    memory: { keys: [...memory.keys, ...added].slice(-MAX_REMEMBERED_KEYS) },
    raised,
  };
}

function candidates(state: AppState, now: number): Candidate[] {
  const out: Candidate[] = [];
  const { system, activity, lastCheck } = state;
  if (activity?.phase === 'failed')
    out.push({
      record: {
        key: `failed:${activity.startedAt}:${activity.title}`,
        kind: 'failed',
        at: now,
        version: null,
        severity: null,
        securityAdvisories: 0,
        title: activity.title,
        message: activity.error,
        screen: 'updates',
      },
      alsoCovers: [],
      critical: false,
    });
  else if (lastCheck?.outcome === 'failed' && (!activity || activity.startedAt <= lastCheck.at))
    out.push({
      record: {
        key: `check-failed:${lastCheck.at}`,
        kind: 'failed',
        at: now,
        version: null,
        severity: null,
        securityAdvisories: 0,
        title: null,
        message: lastCheck.message,
        screen: 'updates',
      },
      alsoCovers: [],
      critical: false,
    });
  if (!system || state.daemon.kind === 'absent') return out;

  const pending = pendingDeployment(system);
  const update = system.cachedUpdate;
  if (pending) {
    // The cached update describes the staged deployment when it has the same base commit.
    const same = update && update.checksum === pending.baseChecksum ? update : null;
    const advisories = same ? same.advisories : [];
    out.push({
      record: {
        key: `staged:${pending.id}`,
        kind: 'staged',
        at: now,
        version: pending.version,
        severity: worstNotable(advisories),
        securityAdvisories: advisories.filter((a) => a.kind === 'security').length,
        title: null,
        message: null,
        screen: 'updates',
      },
      alsoCovers: same ? [`update:${same.checksum}`] : [],
      critical: hasCriticalSecurity(advisories),
    });
  }
  // An update that is already staged was announced as staged; its advisories
  // alone are no second piece of news.
  if (update && offersUpdate(update) && update.checksum !== pending?.baseChecksum) {
    const severity = worstNotable(update.advisories);
    if (severity)
      out.push({
        record: {
          key: `update:${update.checksum}`,
          kind: 'important-update',
          at: now,
          version: update.version,
          severity,
          securityAdvisories: update.advisories.filter((a) => a.kind === 'security').length,
          title: null,
          message: null,
          screen: 'updates',
        },
        alsoCovers: [],
        critical: hasCriticalSecurity(update.advisories),
      });
  }
  return out;
}

function pendingDeployment(system: SystemState): Deployment | undefined {
  return system.pendingId ? system.deployments.find((d) => d.id === system.pendingId) : undefined;
}

function worstNotable(advisories: readonly Advisory[]): 'important' | 'critical' | null {
  if (advisories.some((a) => a.severity === 'critical')) return 'critical';
  if (advisories.some((a) => a.severity === 'important')) return 'important';
  return null;
}

function hasCriticalSecurity(advisories: readonly Advisory[]): boolean {
  return advisories.some((a) => a.kind === 'security' && a.severity === 'critical');
}
