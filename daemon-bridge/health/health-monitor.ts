import type { AppState } from '../contract/domain.ts';
import type { DiagnosticsFile, HealthCheck, HealthState } from '../contract/health.ts';
import { systemTimers } from '../desktop/background-checker.ts';
import type { Timers } from '../desktop/background-checker.ts';
import type { Logger } from '../logger.ts';
import type { Clock } from '../manager.ts';
import { ActivityHistory } from './activity-history.ts';
import { buildDiagnostics, diagnosticsFileName } from './diagnostics.ts';
import type { DiagnosticsInput } from './diagnostics.ts';
import { errorText } from './disk-probe.ts';
import { bootSpaceCheck, sysrootSpaceCheck } from './disk-space.ts';
import type { DiskReading } from './disk-space.ts';
import { finalizeCheck } from './finalize-check.ts';
import type { HealthPort } from './health-port.ts';
import type { FinalizeReading } from './journal-probe.ts';
import { idleMark, stalledTransactionCheck, trackProgress } from './stalled-transaction.ts';
import type { ProgressMark } from './stalled-transaction.ts';
import type { StatusJson } from './status-json.ts';
import { defaultHealthPolicy } from './thresholds.ts';
import type { HealthPolicy } from './thresholds.ts';
import { updateAgeCheck } from './update-age.ts';
import { APP_VERSION } from './versions.ts';

/** The thin probes (disk-probe.ts, journal-probe.ts, status-json.ts, versions.ts), injected. */
export interface HealthProbes {
  readonly bootSpace: () => Promise<DiskReading>;
  readonly sysrootSpace: () => Promise<DiskReading>;
  /** The running boot's id; rejects when it cannot be read. */
  readonly bootId: () => Promise<string>;
  readonly finalize: (bootId: string) => Promise<FinalizeReading>;
  /** The daemon read now, as `rpm-ostree status --json`; rejects when it cannot be. */
  readonly daemonStatus: () => Promise<StatusJson>;
  readonly daemonVersion: () => Promise<string | null>;
}

/** The part of the Manager the monitor uses. */
export interface HealthHost {
  readonly snapshot: AppState;
  subscribe(listener: (state: AppState) => void): () => void;
  setHealth(health: HealthState): void;
}

export interface HealthMonitorOptions {
  readonly host: HealthHost;
  readonly probes: HealthProbes;
  readonly clock: Clock;
  /** Unref'd system timers unless a test passes its own. */
  readonly timers?: Timers;
  readonly log: Logger;
  readonly policy?: HealthPolicy;
  /** How often the time-based checks (update age, stalled transaction) are looked at again. */
  readonly tickMs?: number;
  /** How often disk space is measured again without a reason. */
  readonly probeEveryMs?: number;
  /** Hidden from the diagnostics file (os.homedir()). */
  readonly home: string | null;
  /** Platform facts for the diagnostics file. */
  readonly runtime: Readonly<Record<string, string | null>>;
}

/**
 * Keeps AppState.health current. Disk space and the journal are probed at
 * start, when the deployments change (an update staged, a cleanup, a
 * reboot of the sandbox), every few minutes and on request; the journal is
 * read once per boot (a failed finalization belongs to a boot), again only
 * when it could not be read. Update age and stalled transactions are pure
 * functions of the state and the clock, looked at on every snapshot and
 * every minute. Also keeps the transaction history for the diagnostics file.
 */
export class HealthMonitor implements HealthPort {
  private readonly policy: HealthPolicy;
  private readonly history = new ActivityHistory();
  private disk: { readonly boot: DiskReading; readonly sysroot: DiskReading } | null = null;
  private journal: { readonly bootId: string; readonly reading: FinalizeReading } | null = null;
  private finalize: FinalizeReading | null = null;
  private mark: ProgressMark = idleMark;
  private deploymentsKey: string | null = null;
  private checkedAt: number | null = null;
  private probing: Promise<void> | null = null;
  private again: { force: boolean } | null = null;
  private lastPublished = '';
  private daemonVersion: string | null = null;
  private unsubscribe: (() => void) | null = null;
  private ticker: unknown;
  private debounce: unknown;
  private stopped = false;
  private readonly timers: Timers;

  constructor(private readonly options: HealthMonitorOptions) {
    this.policy = options.policy ?? defaultHealthPolicy;
    this.timers = options.timers ?? systemTimers;
  }

  start(): void {
    this.unsubscribe = this.options.host.subscribe((state) => this.stateChanged(state));
    this.observe(this.options.host.snapshot);
    void this.runProbes(false);
    this.scheduleTick();
  }

  /** Every minute: the time-based checks; every few minutes the disks too. */
  private scheduleTick(): void {
    const probeEveryMs = this.options.probeEveryMs ?? 5 * 60_000;
    this.ticker = this.timers.setTimeout(() => {
      if (this.stopped) return;
      const since = this.checkedAt === null ? Infinity : this.now() - this.checkedAt;
      if (since >= probeEveryMs) void this.runProbes(false);
      else this.publish();
      this.scheduleTick();
    }, this.options.tickMs ?? 60_000);
  }

  stop(): void {
    this.stopped = true;
    this.timers.clearTimeout(this.ticker);
    this.timers.clearTimeout(this.debounce);
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  recheck(): Promise<void> {
    return this.runProbes(true);
  }

  async exportDiagnostics(): Promise<DiagnosticsFile> {
    const [status, daemonVersion] = await Promise.all([
      this.options.probes.daemonStatus().then(
        (json): DiagnosticsInput['status'] => ({ source: 'daemon', json }),
        (err: unknown): DiagnosticsInput['status'] => ({
          source: 'unavailable',
          reason: errorText(err),
        }),
      ),
      this.version(),
    ]);
    const now = this.now();
    const content = buildDiagnostics({
      now,
      appVersion: APP_VERSION,
      runtime: this.options.runtime,
      daemonVersion,
      state: this.options.host.snapshot,
      status,
      transactions: this.history.list(),
      home: this.options.home,
    });
    return { fileName: diagnosticsFileName(now), content, delivery: { kind: 'download' } };
  }

  private async version(): Promise<string | null> {
    this.daemonVersion ??= await this.options.probes.daemonVersion().catch(() => null);
    return this.daemonVersion;
  }

  private now(): number {
    return this.options.clock.now();
  }

  private stateChanged(state: AppState): void {
    this.observe(state);
    this.publish(state);
  }

  /** Takes in what a snapshot says: history, progress, and whether the deployments changed. */
  private observe(state: AppState): void {
    this.history.record(state.activity);
    this.mark = trackProgress(this.mark, state, this.now());
    const system = state.system;
    if (system) {
      const key = `${system.bootedId ?? ''}|${system.deployments.map((d) => d.id).join(',')}`;
      if (this.deploymentsKey !== null && key !== this.deploymentsKey) this.probeSoon();
      this.deploymentsKey = key;
    }
  }

  /** Deployments change in bursts (undeploy, then boot): measure once they settle. */
  private probeSoon(): void {
    this.timers.clearTimeout(this.debounce);
    this.debounce = this.timers.setTimeout(() => void this.runProbes(false), 300);
  }

  private runProbes(force: boolean): Promise<void> {
    if (this.probing) {
      this.again = { force: force || (this.again?.force ?? false) };
      return this.probing;
    }
    const run = this.probe(force).finally(() => {
      this.probing = null;
      const again = this.again;
      this.again = null;
      if (again && !this.stopped) void this.runProbes(again.force);
      else this.publish();
    });
    this.probing = run;
    this.publish();
    return run;
  }

  private async probe(force: boolean): Promise<void> {
    const { probes } = this.options;
    // The probes report their own failures as readings; a throw is a bug, shown as unknown.
    const failed = (err: unknown): DiskReading => ({
      kind: 'failed',
      path: '',
      reason: errorText(err),
    });
    const [boot, sysroot] = await Promise.all([
      probes.bootSpace().catch(failed),
      probes.sysrootSpace().catch(failed),
    ]);
    this.disk = { boot, sysroot };
    this.finalize = await this.readJournal(force);
    this.checkedAt = this.now();
  }

  private async readJournal(force: boolean): Promise<FinalizeReading> {
    let bootId: string;
    try {
      bootId = await this.options.probes.bootId();
    } catch (err) {
      return { kind: 'unknown', reason: `Cannot tell which boot this is: ${errorText(err)}` };
    }
    const cached = this.journal;
    if (!force && cached?.bootId === bootId && cached.reading.kind !== 'unknown')
      return cached.reading;
    const reading = await this.options.probes
      .finalize(bootId)
      .catch((err: unknown): FinalizeReading => ({ kind: 'unknown', reason: errorText(err) }));
    if (reading.kind === 'unknown')
      this.options.log.warn(`cannot read the journal for the finalize check: ${reading.reason}`);
    this.journal = { bootId, reading };
    return reading;
  }

  /** Publishes the checks when they differ from the last ones published. */
  private publish(state: AppState = this.options.host.snapshot): void {
    if (this.stopped) return;
    const health: HealthState = {
      checkedAt: this.checkedAt,
      running: this.probing !== null,
      checks: this.checks(state),
    };
    const text = JSON.stringify(health);
    if (text === this.lastPublished) return;
    this.lastPublished = text;
    this.options.host.setHealth(health);
  }

  private checks(state: AppState): readonly HealthCheck[] {
    // Until disk and journal were read once, there is nothing honest to show.
    if (!this.disk || !this.finalize) return [];
    const now = this.now();
    return [
      bootSpaceCheck(this.disk.boot, this.policy),
      sysrootSpaceCheck(this.disk.sysroot, this.policy),
      finalizeCheck(this.finalize),
      updateAgeCheck(
        {
          system: state.system,
          lastCheck: state.lastCheck,
          lastStageAt: this.history.lastStageAt(),
          finalizeFailedAt: this.finalize.kind === 'failed' ? this.finalize.at : null,
          now,
        },
        this.policy,
      ),
      stalledTransactionCheck(state, this.mark, now, this.policy),
    ];
  }
}
