import { describe, expect, it } from 'vitest';
import type { Deployment } from '../../../daemon-bridge/contract/domain.ts';
import type { Activity } from '../../../daemon-bridge/contract/updates.ts';
import { ActivityHistory, MAX_HISTORY } from '../../../daemon-bridge/health/activity-history.ts';
import { bootSpaceCheck, sysrootSpaceCheck } from '../../../daemon-bridge/health/disk-space.ts';
import {
  idleMark,
  stalledTransactionCheck,
  trackProgress,
} from '../../../daemon-bridge/health/stalled-transaction.ts';
import { DAY_MS, defaultHealthPolicy as policy } from '../../../daemon-bridge/health/thresholds.ts';
import { updateAgeCheck } from '../../../daemon-bridge/health/update-age.ts';
import { startActivity } from '../../../daemon-bridge/activity.ts';
import { blankState, deployment as buildDeployment, emptySystem } from '../../support/app-state.ts';

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;
const T0 = Date.UTC(2026, 1, 1, 9, 0, 0);

/** The booted deployment `id`, built at `timestamp`. */
const deployment = (id: string, timestamp: number | null): Deployment =>
  buildDeployment('b', {
    id,
    version: '43.1',
    baseVersion: '43.1',
    timestamp,
    origin: { kind: 'ref', refspec: 'fedora:fedora/43/x86_64/silverblue' },
    booted: true,
  });

const boot = (free: number, pair: number | null) =>
  bootSpaceCheck(
    {
      kind: 'measured',
      path: '/boot',
      freeBytes: free,
      totalBytes: 1 * GiB,
      biggestKernelBytes: pair,
    },
    policy,
  );

describe('disk space', () => {
  it('/boot: a problem below the biggest kernel pair, a warning below 100 MiB', () => {
    expect(boot(500 * MiB, 90 * MiB)).toEqual({
      kind: 'boot-space',
      status: 'ok',
      reason: null,
      path: '/boot',
      freeBytes: 500 * MiB,
      totalBytes: GiB,
      requiredBytes: 90 * MiB,
      recommendedBytes: 100 * MiB,
    });
    expect(boot(95 * MiB, 90 * MiB).status).toBe('warning');
    expect(boot(80 * MiB, 90 * MiB).status).toBe('problem');
    expect(boot(120 * MiB, 150 * MiB).status).toBe('problem');
    // No kernels found: only the margin applies.
    expect(boot(10 * MiB, null)).toMatchObject({ status: 'warning', requiredBytes: null });
  });

  it('/sysroot: a problem below ostree’s 3 % reserve, a warning below 1 GiB', () => {
    const sysroot = (free: number, total: number) =>
      sysrootSpaceCheck(
        {
          kind: 'measured',
          path: '/sysroot',
          freeBytes: free,
          totalBytes: total,
          biggestKernelBytes: null,
        },
        policy,
      );
    expect(sysroot(5 * GiB, 100 * GiB)).toMatchObject({ status: 'ok', requiredBytes: 3 * GiB });
    expect(sysroot(2 * GiB, 100 * GiB).status).toBe('problem');
    expect(sysroot(900 * MiB, 10 * GiB).status).toBe('warning');
  });

  it('a directory that cannot be measured is unknown, with the reason', () => {
    expect(
      bootSpaceCheck({ kind: 'failed', path: '/boot', reason: 'ENOENT: no such file' }, policy),
    ).toMatchObject({ status: 'unknown', reason: 'ENOENT: no such file', freeBytes: null });
  });
});

describe('update age', () => {
  const system = (timestamp: number | null) =>
    emptySystem(T0, { deployments: [deployment('fedora-b.0', timestamp)], bootedId: 'fedora-b.0' });

  it('counts from the booted deployment’s commit date; 30 days later it warns', () => {
    const at = T0 - 10 * DAY_MS;
    const input = { system: system(at / 1000), lastCheck: null, lastStageAt: null, now: T0 };
    expect(updateAgeCheck(input, policy)).toEqual({
      kind: 'update-age',
      status: 'ok',
      reason: null,
      lastUpdateAt: at,
      basis: 'deployment',
      ageDays: 10,
      maxAgeDays: 30,
    });
    expect(updateAgeCheck({ ...input, now: at + 31 * DAY_MS }, policy).status).toBe('warning');
  });

  it('a check that found nothing newer or a successful stage is newer evidence', () => {
    const old = system((T0 - 90 * DAY_MS) / 1000);
    const upToDate = { at: T0 - DAY_MS, outcome: 'up-to-date' as const, message: null };
    expect(
      updateAgeCheck({ system: old, lastCheck: upToDate, lastStageAt: null, now: T0 }, policy),
    ).toMatchObject({ status: 'ok', basis: 'check' });
    const available = { ...upToDate, outcome: 'update-available' as const };
    expect(
      updateAgeCheck({ system: old, lastCheck: available, lastStageAt: null, now: T0 }, policy),
    ).toMatchObject({ status: 'warning', basis: 'deployment' });
    expect(
      updateAgeCheck({ system: old, lastCheck: null, lastStageAt: T0 - 5, now: T0 }, policy),
    ).toMatchObject({ status: 'ok', basis: 'stage' });
    // A stage whose deployment then failed to finalize at the reboot was no update.
    const lost = { system: old, lastCheck: null, lastStageAt: T0 - 5, finalizeFailedAt: T0 - 1 };
    expect(updateAgeCheck({ ...lost, now: T0 }, policy)).toMatchObject({
      status: 'warning',
      basis: 'deployment',
    });
  });

  it('nothing known: unknown, never ok', () => {
    expect(
      updateAgeCheck({ system: null, lastCheck: null, lastStageAt: null, now: T0 }, policy),
    ).toMatchObject({ status: 'unknown', basis: null });
    expect(
      updateAgeCheck({ system: system(null), lastCheck: null, lastStageAt: null, now: T0 }, policy),
    ).toMatchObject({ status: 'unknown' });
  });
});

function activity(overrides: Partial<Activity> = {}): Activity {
  const started = startActivity({
    title: 'upgrade',
    initiator: 'this app',
    owner: 'this-app',
    commandLine: 'rpm-ostree upgrade',
    now: T0,
  });
  return { ...started, ...overrides };
}

describe('stalled transaction', () => {
  const txn = { method: 'Upgrade', initiator: 'cli', osPath: '/os', address: 'unix:abstract=x' };
  const running = (a: Activity | null) =>
    blankState({ system: emptySystem(T0, { activeTransaction: txn }), activity: a });

  it('warns after 10 minutes without a signal while the daemon says one runs', () => {
    const a = activity();
    let mark = trackProgress(idleMark, running(a), T0);
    expect(stalledTransactionCheck(running(a), mark, T0 + 9 * 60_000, policy).status).toBe('ok');
    mark = trackProgress(mark, running(a), T0 + 9 * 60_000);
    expect(stalledTransactionCheck(running(a), mark, T0 + 10 * 60_000, policy)).toEqual({
      kind: 'stalled-transaction',
      status: 'warning',
      reason: null,
      title: 'upgrade',
      lastProgressAt: T0,
      stallAfterMinutes: 10,
    });
  });

  it('a new message (a new activity object) is progress; idle resets', () => {
    let mark = trackProgress(idleMark, running(activity()), T0);
    const later = activity({ messages: ['Receiving objects: 10%'] });
    mark = trackProgress(mark, running(later), T0 + 8 * 60_000);
    expect(stalledTransactionCheck(running(later), mark, T0 + 12 * 60_000, policy).status).toBe(
      'ok',
    );
    const idle = blankState({ system: emptySystem(T0) });
    mark = trackProgress(mark, idle, T0 + 60 * 60_000);
    expect(mark).toBe(idleMark);
    expect(stalledTransactionCheck(idle, mark, T0 + 90 * 60_000, policy).status).toBe('ok');
  });

  it('another client’s transaction with no activity attached is measured from when it appeared', () => {
    const mark = trackProgress(idleMark, running(null), T0);
    expect(stalledTransactionCheck(running(null), mark, T0 + 11 * 60_000, policy)).toMatchObject({
      status: 'warning',
      title: 'Upgrade',
    });
  });
});

describe('activity history', () => {
  it('keeps each transaction in its last form, newest last, at most MAX_HISTORY', () => {
    const history = new ActivityHistory();
    const first = activity({ startedAt: 1 });
    history.record(first);
    history.record({ ...first, phase: 'succeeded', endedAt: 5 });
    history.record(null);
    for (let i = 0; i < MAX_HISTORY; i++) history.record(activity({ startedAt: 10 + i }));
    const list = history.list();
    expect(list).toHaveLength(MAX_HISTORY);
    expect(list[0]!.startedAt).toBe(10);
    expect(list.at(-1)!.startedAt).toBe(10 + MAX_HISTORY - 1);
  });

  it('the last successful stage: upgrade or deploy by this app, not checks or previews', () => {
    const history = new ActivityHistory();
    const done = (startedAt: number, commandLine: string, endedAt: number) =>
      history.record(activity({ startedAt, commandLine, phase: 'succeeded', endedAt }));
    done(1, 'rpm-ostree upgrade --check', 100);
    done(2, 'rpm-ostree deploy --preview 43.1', 200);
    expect(history.lastStageAt()).toBeNull();
    done(3, 'rpm-ostree deploy 43.1', 300);
    done(4, 'rpm-ostree upgrade', 250);
    history.record(activity({ startedAt: 5, phase: 'failed', endedAt: 900 }));
    expect(history.lastStageAt()).toBe(300);
  });
});
