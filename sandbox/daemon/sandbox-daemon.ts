import type { MessageBus } from 'dbus-next';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { RPM_OSTREE } from '../../daemon-bridge/rpm-ostree/profile.ts';
import type { DaemonProfile } from '../../daemon-bridge/rpm-ostree/profile.ts';
import { MACHINE_OF_FLAVOUR } from '../machine/machines.ts';
import type { SandboxMachine } from '../machine/machine.ts';
import { CommitStore } from '../sysroot/commits.ts';
import { sandboxLayout } from '../sysroot/layout.ts';
import type { SandboxLayout } from '../sysroot/layout.ts';
import { watchDeployments } from '../sysroot/watch-deployments.ts';
import { ClientRegistry } from './clients.ts';
import type { DaemonContext } from './daemon-context.ts';
import { IdleExit } from './idle-exit.ts';
import { clientMethods } from './methods/sysroot-clients.ts';
import { getOsMethod } from './methods/sysroot-get-os.ts';
import { reloadMethods } from './methods/sysroot-reload.ts';
import { ObjectManager } from './object-manager.ts';
import { OsObjects } from './os-objects.ts';
import { PolkitAuthorizer } from './polkit/polkit-authorizer.ts';
import { CallTracker } from './service/call-tracker.ts';
import { ObjectRegistry } from './service/object-registry.ts';
import { createServiceInterface } from './service/service-interface.ts';
import type { ServiceInterface } from './service/service-interface.ts';
import { daemonSpecs } from './specs/daemon-specs.ts';
import type { DaemonSpecs } from './specs/daemon-specs.ts';
import { readDaemonConfig } from './state/daemon-config.ts';
import type { DaemonConfig } from './state/daemon-config.ts';
import { loadDaemonModel } from './state/daemon-model.ts';
import type { DaemonModel } from './state/daemon-model.ts';
import { TransactionManager } from './transaction/transaction-manager.ts';

export interface SandboxDaemonOptions {
  readonly bus: MessageBus;
  /** The sandbox directory (see SandboxLayout). */
  readonly dir: string;
  /** Which daemon to play (default rpm-ostree). */
  readonly profile?: DaemonProfile;
  /** The machine in `dir` (default: the profile's, MACHINE_OF_FLAVOUR). */
  readonly machine?: SandboxMachine;
  /** Idle exit in seconds; 0 = never; undefined = the config's IdleExitTimeout, else never. */
  readonly idleExitSeconds?: number;
  readonly log?: (line: string) => void;
  /** Called after an idle exit released the name. */
  readonly onIdleExit?: () => void;
  /** Seconds a finished transaction waits for its peers (rpm-ostreed: 30). */
  readonly transactionLingerSeconds?: number;
  /**
   * Ask polkit (org.freedesktop.PolicyKit1 on the same bus) before every
   * method rpm-ostreed guards, as rpm-ostreed does (sandbox/daemon/polkit/).
   * Off by default: the sandbox then authorizes every caller. rpm-ostree
   * profile only.
   */
  readonly polkit?: boolean;
}

const DBUS_NAME_FLAG_DO_NOT_QUEUE = 4;
const PRIMARY_OWNER = 1;

/**
 * The sandbox's rpm-ostreed (or apt-ostreed, by profile): builds every object from the sysroot, then owns
 * the bus name (so a client that sees the name sees complete properties),
 * keeps the objects in sync with the sysroot, tracks clients and exits when
 * idle.
 */
export class SandboxDaemon implements DaemonContext {
  readonly clients: ClientRegistry;
  readonly layout: SandboxLayout;
  readonly profile: DaemonProfile;
  readonly machine: SandboxMachine;
  readonly specs: DaemonSpecs;
  readonly log: (line: string) => void;
  readonly transactions: TransactionManager;
  readonly commits: CommitStore;
  private readonly registry: ObjectRegistry;
  private readonly tracker: CallTracker;
  private readonly objectManager: ObjectManager;
  private readonly idle: IdleExit;
  private readonly osObjects: OsObjects;
  private readonly authorizer: PolkitAuthorizer | null;
  private sysroot!: ServiceInterface;
  private model!: DaemonModel;
  private config!: DaemonConfig;
  private queue: Promise<unknown> = Promise.resolve();
  private stopWatching: (() => void) | null = null;
  private stopped = false;

  private constructor(private readonly options: SandboxDaemonOptions) {
    this.profile = options.profile ?? RPM_OSTREE;
    this.machine = options.machine ?? MACHINE_OF_FLAVOUR[this.profile.flavour];
    this.layout = sandboxLayout(options.dir, this.profile.flavour);
    this.specs = daemonSpecs(this.profile);
    this.log = options.log ?? (() => undefined);
    this.registry = new ObjectRegistry(options.bus);
    this.tracker = new CallTracker(options.bus, this.registry);
    this.objectManager = new ObjectManager(this.registry, this.profile.rootPath, this.caller);
    if (options.polkit && this.profile.flavour !== 'rpm-ostree')
      throw new Error(
        `polkit authorization is only implemented for rpm-ostree, not ${this.profile.flavour}`,
      );
    this.authorizer = options.polkit
      ? new PolkitAuthorizer({ bus: options.bus, log: this.log })
      : null;
    this.osObjects = new OsObjects(this, this.objectManager, this.caller, this.authorizer?.os);
    this.commits = new CommitStore(this.layout.repo);
    this.clients = new ClientRegistry(options.bus, () => this.updateIdle(), this.log);
    this.idle = new IdleExit(0, () => void this.idleExit(), this.log);
    this.transactions = new TransactionManager({
      bus: options.bus,
      spec: this.specs.transaction,
      socketPath: join(this.layout.runDir, 'transaction.sock'),
      lingerSeconds: options.transactionLingerSeconds ?? 30,
      cliName: this.profile.cliName,
      sysroot: () => this.sysroot,
      reload: () => this.reload(),
      onActiveChange: () => this.updateIdle(),
      log: this.log,
    });
  }

  get bus(): MessageBus {
    return this.options.bus;
  }

  /** The sysroot as last loaded. */
  get state(): DaemonModel {
    return this.model;
  }

  /** Loads config and sysroot and exports all objects; the name is not owned yet. */
  static async create(options: SandboxDaemonOptions): Promise<SandboxDaemon> {
    const daemon = new SandboxDaemon(options);
    await daemon.init();
    return daemon;
  }

  private readonly caller = () => this.tracker.caller();

  private async init(): Promise<void> {
    // rpm-ostreed.service has ConditionPathExists=/ostree: no sysroot, no daemon.
    if (!existsSync(this.layout.deployDir))
      throw new Error(
        `No ostree sysroot at ${this.layout.sysroot} (seed it with \`npm run sandbox\`)`,
      );
    if (!existsSync(join(this.layout.deployDir, this.machine.osname)))
      throw new Error(
        `${this.layout.sysroot} holds no ${this.machine.osname} stateroot: not a ${this.machine.title} machine`,
      );
    this.config = await readDaemonConfig(this.layout.daemonConfig);
    this.model = await this.loadModel();
    this.sysroot = createServiceInterface({
      spec: this.specs.sysroot,
      caller: this.caller,
      ...(this.authorizer ? { authorize: this.authorizer.sysroot } : {}),
      properties: {
        Booted: this.model.booted,
        Path: this.layout.sysroot,
        ActiveTransaction: ['', '', ''],
        ActiveTransactionPath: '',
        AutomaticUpdatePolicy: this.config.automaticUpdatePolicy,
        Deployments: this.model.deployments,
      },
      methods: { ...clientMethods(this), ...reloadMethods(this), ...getOsMethod(this) },
    });
    this.objectManager.add(this.profile.sysrootPath, [this.sysroot], false);
    this.osObjects.publish(this.model, false);
    this.idle.setTimeoutSeconds(this.idleTimeout());
  }

  /** Owns the bus name, starts watching the sysroot; returns the unique name. */
  async start(): Promise<string> {
    const reply = await this.options.bus.requestName(
      this.profile.busName,
      DBUS_NAME_FLAG_DO_NOT_QUEUE,
    );
    if (reply !== PRIMARY_OWNER)
      throw new Error(
        `Cannot own ${this.profile.busName}: another daemon owns it (reply ${reply})`,
      );
    this.stopWatching = watchDeployments(this.layout.deployDir, () => {
      this.reload().catch((err: unknown) =>
        this.log(`Unable to update state: ${(err as Error).message}`),
      );
    });
    this.updateIdle();
    return (this.options.bus as unknown as { name?: string }).name ?? '';
  }

  /** Releases the name and stops watching (SIGTERM, idle exit). Idempotent. */
  async shutdown(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.stopWatching?.();
    this.idle.stop();
    await this.transactions.shutdown();
    try {
      await this.options.bus.releaseName(this.profile.busName);
    } catch (err) {
      this.log(`ReleaseName failed: ${(err as Error).message}`);
    }
    this.tracker.dispose();
  }

  reload(): Promise<void> {
    return this.serialize(async () => this.apply(await this.loadModel()));
  }

  reloadConfig(): Promise<void> {
    return this.serialize(async () => {
      this.config = await readDaemonConfig(this.layout.daemonConfig);
      this.idle.setTimeoutSeconds(this.idleTimeout());
      this.apply(await this.loadModel());
    });
  }

  automaticUpdatePolicy(): string {
    return this.config.automaticUpdatePolicy;
  }

  bootedPath(): string {
    return this.model.booted;
  }

  osPath(osname: string): string | undefined {
    return this.osObjects.path(osname);
  }

  /** One reload at a time, in call order (watcher, Reload, ReloadConfig). */
  private serialize(job: () => Promise<void>): Promise<void> {
    const run = this.queue.then(job, job);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private loadModel(): Promise<DaemonModel> {
    return loadDaemonModel(this.layout, this.commits, this.profile);
  }

  /**
   * Publishes a new model in the real daemon's order: OS objects appear or
   * vanish (ObjectManager signals), existing OS objects update, then the
   * Sysroot properties.
   */
  private apply(model: DaemonModel): void {
    this.osObjects.publish(model, true);
    this.sysroot.update({
      Booted: model.booted,
      AutomaticUpdatePolicy: this.config.automaticUpdatePolicy,
      Deployments: model.deployments,
    });
    this.model = model;
  }

  private idleTimeout(): number {
    return this.options.idleExitSeconds ?? this.config.idleExitTimeout ?? 0;
  }

  private updateIdle(): void {
    if (!this.stopped) this.idle.update(this.clients.size > 0 || this.transactions.busy);
  }

  private async idleExit(): Promise<void> {
    this.log('Exiting due to idle');
    await this.shutdown();
    this.options.onIdleExit?.();
  }
}
