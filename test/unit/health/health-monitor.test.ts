import { afterEach, describe, expect, it } from 'vitest';
import type { AppState, SystemState } from '../../../daemon-bridge/contract/domain.ts';
import type { HealthCheck, HealthState } from '../../../daemon-bridge/contract/health.ts';
import type { DiskReading } from '../../../daemon-bridge/health/disk-space.ts';
import { HealthMonitor } from '../../../daemon-bridge/health/health-monitor.ts';
import type { HealthProbes } from '../../../daemon-bridge/health/health-monitor.ts';
import type { FinalizeReading } from '../../../daemon-bridge/health/journal-probe.ts';
import { silentLogger } from '../../../daemon-bridge/logger.ts';
import { blankState, emptySystem } from '../../support/app-state.ts';
import { FakeTime } from '../../support/fake-time.ts';

const T0 = Date.UTC(2026, 1, 1, 9, 0, 0);
const MIN = 60_000;
const GiB = 1024 ** 3;

/** The Manager's part the monitor uses, over a plain snapshot. */
class FakeHost {
  snapshot: AppState = blankState();
  readonly published: HealthState[] = [];
  private readonly listeners = new Set<(s: AppState) => void>();
  subscribe(listener: (s: AppState) => void) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  setHealth(health: HealthState): void {
    this.published.push(health);
    this.set({ ...this.snapshot, health });
  }
  set(state: AppState): void {
    this.snapshot = state;
    for (const l of this.listeners) l(state);
  }
  get checks(): readonly HealthCheck[] {
    return this.snapshot.health.checks;
  }
  check<K extends HealthCheck['kind']>(kind: K): Extract<HealthCheck, { kind: K }> {
    return this.checks.find((c) => c.kind === kind) as Extract<HealthCheck, { kind: K }>;
  }
}

function harness(overrides: Partial<HealthProbes> = {}) {
  const time = new FakeTime(T0);
  const host = new FakeHost();
  const calls = { disk: 0, journal: [] as string[] };
  let bootId = 'a'.repeat(32);
  let journal: FinalizeReading = { kind: 'ok', bootId: null };
  const disk = (path: string): DiskReading => ({
    kind: 'measured',
    path,
    freeBytes: 50 * GiB,
    totalBytes: 100 * GiB,
    biggestKernelBytes: 1024,
  });
  const probes: HealthProbes = {
    bootSpace: () => {
      calls.disk++;
      return Promise.resolve(disk('/boot'));
    },
    sysrootSpace: () => Promise.resolve(disk('/sysroot')),
    bootId: () => Promise.resolve(bootId),
    finalize: (id) => {
      calls.journal.push(id);
      return Promise.resolve(journal);
    },
    daemonStatus: () => Promise.reject(new Error('not connected')),
    daemonVersion: () => Promise.resolve(null),
    ...overrides,
  };
  const monitor = new HealthMonitor({
    host,
    probes,
    clock: time,
    timers: time,
    log: silentLogger,
    home: null,
    runtime: {},
  });
  return {
    time,
    host,
    calls,
    monitor,
    reboot(id: string, reading: FinalizeReading) {
      bootId = id;
      journal = reading;
    },
  };
}

let running: HealthMonitor | null = null;
afterEach(() => running?.stop());

const withDeployments = (ids: string[], extra: Partial<SystemState> = {}): SystemState =>
  emptySystem(T0, {
    deployments: ids.map((id) => ({ id, timestamp: T0 / 1000 }) as never),
    bootedId: ids[0] ?? null,
    ...extra,
  });

describe('HealthMonitor', () => {
  it('publishes nothing before the probes ran, then all five checks in order', async () => {
    const h = harness();
    running = h.monitor;
    h.monitor.start();
    expect(h.host.published[0]).toEqual({ checkedAt: null, running: true, checks: [] });
    await h.time.advance(0);
    expect(h.host.checks.map((c) => [c.kind, c.status])).toEqual([
      ['boot-space', 'ok'],
      ['sysroot-space', 'ok'],
      ['finalize', 'ok'],
      ['update-age', 'unknown'],
      ['stalled-transaction', 'ok'],
    ]);
    expect(h.host.snapshot.health).toMatchObject({ checkedAt: T0, running: false });
  });

  it('reads the journal once per boot, again after a reboot or on request', async () => {
    const h = harness();
    running = h.monitor;
    h.monitor.start();
    h.host.set({ ...h.host.snapshot, system: withDeployments(['staged', 'booted']) });
    await h.time.advance(0);
    expect(h.calls.journal).toEqual(['a'.repeat(32)]);
    // Every five minutes the disks are measured again; the journal is not read again.
    await h.time.advance(6 * MIN);
    expect(h.calls.disk).toBe(2);
    expect(h.calls.journal).toHaveLength(1);
    // The sandbox reboots: the staged deployment is gone, a new boot runs.
    h.reboot('b'.repeat(32), {
      kind: 'failed',
      message: 'error: boom',
      at: T0,
      bootId: 'a'.repeat(32),
    });
    h.host.set({ ...h.host.snapshot, system: withDeployments(['booted']) });
    await h.time.advance(1000);
    expect(h.calls.journal).toEqual(['a'.repeat(32), 'b'.repeat(32)]);
    expect(h.host.check('finalize')).toEqual({
      kind: 'finalize',
      status: 'problem',
      reason: null,
      message: 'error: boom',
      failedAt: T0,
      bootId: 'a'.repeat(32),
    });
    await h.monitor.recheck();
    expect(h.calls.journal).toHaveLength(3);
  });

  it('a journal that could not be read is read again next time, and shown as unknown', async () => {
    const h = harness();
    running = h.monitor;
    h.reboot('a'.repeat(32), { kind: 'unknown', reason: 'Cannot run journalctl: ENOENT' });
    h.monitor.start();
    await h.time.advance(0);
    expect(h.host.check('finalize')).toMatchObject({
      status: 'unknown',
      reason: 'Cannot run journalctl: ENOENT',
    });
    await h.time.advance(6 * MIN);
    expect(h.calls.journal).toHaveLength(2);
  });

  it('an unreadable boot id is unknown too', async () => {
    const h = harness({ bootId: () => Promise.reject(new Error('EACCES: boot_id')) });
    running = h.monitor;
    h.monitor.start();
    await h.time.advance(0);
    expect(h.host.check('finalize')).toMatchObject({
      status: 'unknown',
      reason: 'Cannot tell which boot this is: EACCES: boot_id',
    });
  });

  it('a transaction without progress for ten minutes turns into a warning on the next tick', async () => {
    const h = harness();
    running = h.monitor;
    h.monitor.start();
    const txn = { method: 'Upgrade', initiator: 'timer', osPath: '/os', address: 'unix:x' };
    h.host.set({
      ...h.host.snapshot,
      system: withDeployments(['booted'], { activeTransaction: txn }),
    });
    await h.time.advance(9 * MIN);
    expect(h.host.check('stalled-transaction').status).toBe('ok');
    const published = h.host.published.length;
    await h.time.advance(2 * MIN);
    expect(h.host.check('stalled-transaction')).toMatchObject({
      status: 'warning',
      title: 'Upgrade',
      lastProgressAt: T0,
    });
    expect(h.host.published.length).toBeGreaterThan(published);
  });

  it('publishes only when something changed', async () => {
    const h = harness();
    running = h.monitor;
    h.monitor.start();
    await h.time.advance(0);
    const count = h.host.published.length;
    for (let i = 0; i < 50; i++) h.host.set({ ...h.host.snapshot, queued: null });
    await h.time.advance(2 * MIN);
    expect(h.host.published).toHaveLength(count);
  });

  it('exports diagnostics even when the daemon cannot be read, saying why', async () => {
    const h = harness();
    running = h.monitor;
    h.monitor.start();
    await h.time.advance(0);
    const file = await h.monitor.exportDiagnostics();
    expect(file.fileName).toBe('ostree-update-manager-diagnostics-20260201-090000.json');
    expect(file.delivery).toEqual({ kind: 'download' });
    const doc = JSON.parse(file.content) as { statusError: string; health: HealthState };
    expect(doc.statusError).toBe('not connected');
    expect(doc.health.checks).toHaveLength(5);
  });
});
