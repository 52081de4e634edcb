import type { MessageBus } from 'dbus-next';
import { getNameOwner, listActivatableNames, watchNameOwner } from '../dbus/bus-driver.ts';
import { subscribeSignal } from '../dbus/signals.ts';
import { isUnavailable } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { applySysrootChanges } from './parse-sysroot.ts';
import type { SysrootProperties } from './parse-sysroot.ts';
import type { CachedUpdate, UpdateChanges } from '../contract/updates.ts';
import { parseCachedUpdate } from './parse-cached-update.ts';
import { unwrapVariant } from './vardict.ts';
import { getCachedUpdate } from './verbs/get-cached-update.ts';
import type { DaemonProfile } from './profile.ts';
import { interfaces } from './profile.ts';
import { getSysrootProperties } from './verbs/get-sysroot-properties.ts';
import { registerClient, unregisterClient } from './verbs/register-client.ts';
import { reload } from './verbs/reload.ts';
import type { PackageChange } from '../contract/updates.ts';
import { DBusCallError } from '../dbus/call.ts';
import type { DaemonPort, FollowHandlers } from '../daemon-port.ts';
import type { TransactionRequest } from '../requests.ts';
import { login1Reboot } from '../system/login1-reboot.ts';
import { attachTransaction, cancelTransaction, runTransaction } from './transaction/index.ts';
import type { TransactionOutcome } from './transaction/index.ts';
import type { OsTarget } from './verbs/os-call.ts';
import { getCachedDeployRpmDiff, getDeploymentsRpmDiff } from './verbs/rpm-diffs.ts';
import type { CachedDiff } from './verbs/rpm-diffs.ts';
import { startRequest } from './verbs/start-request.ts';
import type { BootOptions } from '../contract/domain.ts';
import type { PackageSearchHit } from '../contract/packages.ts';
import { BootOptionsCache } from './boot-options-cache.ts';
import { getDeploymentBootConfig } from './verbs/kernel-args.ts';
import { searchPackages } from './verbs/packages.ts';

/** What the link reports: the daemon's presence and, when present, its properties. */
export type LinkEvent =
  | {
      readonly kind: 'properties';
      readonly properties: SysrootProperties;
      /** The booted OS object's CachedUpdate. */
      readonly cachedUpdate: CachedUpdate | null;
      /** Kernel arguments of the booted and pending deployments, as far as read yet. */
      readonly bootOptions: readonly BootOptions[];
    }
  | { readonly kind: 'absent' }
  | { readonly kind: 'gone' }
  | { readonly kind: 'failed'; readonly error: unknown };

/**
 * Follows one daemon on one bus connection: registers as a client, reads the
 * Sysroot properties, applies PropertiesChanged, and rides through the
 * daemon's idle exit. When the name is activatable the next call simply
 * starts a new daemon and nothing is reported but fresh properties; when it
 * is not, the link reports `gone` until a new owner appears.
 */
export class DaemonLink implements DaemonPort {
  private properties: SysrootProperties | null = null;
  private cachedUpdate: CachedUpdate | null = null;
  private activatable = false;
  /** The current daemon accepted our RegisterClient (so it stays while we run). */
  private registered = false;
  private generation = 0;
  private unsubscribers: (() => Promise<void>)[] = [];
  private closed = false;
  private readonly bootOptions = new BootOptionsCache(
    async (index) => (await getDeploymentBootConfig(this.osTarget(), index, false)).options,
    () => this.emitProperties(),
    (err) => this.log.warn(`Could not read a deployment's kernel arguments: ${String(err)}`),
  );

  constructor(
    private readonly bus: MessageBus,
    readonly profile: DaemonProfile,
    private readonly emit: (event: LinkEvent) => void,
    private readonly log: Logger,
    /** Reboots into the default deployment; logind on a real system. */
    private readonly rebooter: (bus: MessageBus) => Promise<void> = login1Reboot,
  ) {}

  start(request: TransactionRequest): Promise<string> {
    return startRequest(this.osTarget(), request);
  }

  follow(
    address: string,
    how: 'run' | 'attach',
    handlers: FollowHandlers,
  ): Promise<TransactionOutcome> {
    const options = { profile: this.profile, ...handlers };
    return how === 'run' ? runTransaction(address, options) : attachTransaction(address, options);
  }

  async cancel(address: string): Promise<void> {
    await cancelTransaction(address, { profile: this.profile });
  }

  updateChanges(): Promise<UpdateChanges | null> {
    const update = this.cachedUpdate;
    return Promise.resolve(update && { changesId: update.changesId, changes: update.changes });
  }

  compare(fromId: string, toId: string): Promise<readonly PackageChange[]> {
    return getDeploymentsRpmDiff(this.osTarget(), fromId, toId);
  }

  cachedDeployDiff(revision: string): Promise<CachedDiff> {
    return getCachedDeployRpmDiff(this.osTarget(), revision);
  }

  searchPackages(terms: readonly string[]): Promise<readonly PackageSearchHit[]> {
    return searchPackages(this.osTarget(), terms);
  }

  reboot(): Promise<void> {
    return this.rebooter(this.bus);
  }

  /** OS methods go to the booted OS object, whose path the daemon told us. */
  private osTarget(): OsTarget {
    const osPath = this.properties?.bootedOsPath;
    if (!osPath || osPath === '/')
      throw new DBusCallError(
        'org.freedesktop.DBus.Error.Failed',
        'This system is not booted into an OSTree deployment.',
        'GetOS',
      );
    return { bus: this.bus, profile: this.profile, osPath };
  }

  async open(): Promise<void> {
    const sysrootIface = interfaces(this.profile).sysroot;
    this.unsubscribers.push(
      await watchNameOwner(this.bus, this.profile.busName, (owner) => this.ownerChanged(owner)),
      await subscribeSignal(
        this.bus,
        {
          sender: this.profile.busName,
          path: this.profile.sysrootPath,
          interface: 'org.freedesktop.DBus.Properties',
          member: 'PropertiesChanged',
          arg0: sysrootIface,
        },
        (body) => this.propertiesChanged(body),
      ),
      // The booted OS object's path can change; filter on it when a signal arrives.
      await subscribeSignal(
        this.bus,
        {
          sender: this.profile.busName,
          interface: 'org.freedesktop.DBus.Properties',
          member: 'PropertiesChanged',
          arg0: interfaces(this.profile).os,
        },
        (body, message) => this.osPropertiesChanged(body, message.path),
      ),
    );
    this.activatable = (await listActivatableNames(this.bus)).includes(this.profile.busName);
    const owner = await getNameOwner(this.bus, this.profile.busName);
    if (owner || this.activatable) await this.attach();
    else this.emit({ kind: 'absent' });
  }

  /** Reload() as a barrier, then a fresh read. */
  async refresh(): Promise<SysrootProperties> {
    await reload(this.bus, this.profile);
    this.bootOptions.clear();
    return this.read(++this.generation);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.generation++;
    await Promise.all([
      ...this.unsubscribers.map((u) => u()),
      unregisterClient(this.bus, this.profile).catch(() => undefined),
    ]);
  }

  private ownerChanged(owner: string | null): void {
    if (this.closed) return;
    this.log.info(`${this.profile.busName} owner is now ${owner ?? '(none)'}`);
    if (owner) {
      void this.attach();
    } else if (this.activatable && this.registered) {
      // It left although we were registered (a crash, a restart): start it
      // again now, so we are registered with the new one.
      void this.attach();
    } else if (this.activatable) {
      // The idle exit of a daemon that refused our registration (no active
      // session, reference §3.1): let it rest — re-activating it now would start
      // it every IdleExitTimeout for nothing. The next call starts it again and
      // its new owner brings fresh properties; until then nothing changed.
      this.log.info(`${this.profile.busName} exited while idle; not starting it again yet`);
    } else {
      this.generation++;
      this.emit({ kind: 'gone' });
    }
  }

  private async attach(): Promise<void> {
    const generation = ++this.generation;
    try {
      await this.registerWithRetry();
      await this.read(generation);
    } catch (err) {
      if (generation !== this.generation || this.closed) return;
      if (isUnavailable(err)) this.emit({ kind: this.properties ? 'gone' : 'absent' });
      else this.emit({ kind: 'failed', error: err });
    }
  }

  /** RegisterClient; one retry on NoReply, which is the idle-exit race (reference §2.2). */
  private async registerWithRetry(): Promise<void> {
    this.registered = false;
    try {
      await registerClient(this.bus, this.profile);
      this.registered = true;
    } catch (err) {
      if (isUnavailable(err)) {
        await registerClient(this.bus, this.profile);
        this.registered = true;
        return;
      }
      // Registration is optional; AccessDenied happens without a logind session.
      this.log.warn(`RegisterClient failed, continuing unregistered: ${String(err)}`);
    }
  }

  private async read(generation: number): Promise<SysrootProperties> {
    const properties = await getSysrootProperties(this.bus, this.profile);
    const cachedUpdate =
      properties.bootedOsPath === '/'
        ? null
        : await getCachedUpdate(this.bus, this.profile, properties.bootedOsPath);
    if (generation === this.generation && !this.closed) {
      this.properties = properties;
      this.cachedUpdate = cachedUpdate;
      this.emitProperties();
    }
    return properties;
  }

  private emitProperties(): void {
    if (!this.properties || this.closed) return;
    this.emit({
      kind: 'properties',
      properties: this.properties,
      cachedUpdate: this.cachedUpdate,
      bootOptions:
        this.properties.bootedOsPath === '/'
          ? []
          : this.bootOptions.forDeployments(this.properties.deployments),
    });
  }

  private osPropertiesChanged(body: readonly unknown[], path: string | undefined): void {
    const [iface, changed] = body;
    if (iface !== interfaces(this.profile).os || this.closed || !this.properties) return;
    if (path !== this.properties.bootedOsPath) return;
    if (typeof changed !== 'object' || changed === null || !('CachedUpdate' in changed)) return;
    try {
      const value = (changed as Record<string, unknown>).CachedUpdate;
      this.cachedUpdate = parseCachedUpdate(
        unwrapVariant(value, 'a{sv}', 'OS.CachedUpdate'),
        'OS.CachedUpdate',
        this.profile,
      );
      this.emitProperties();
    } catch (err) {
      this.emit({ kind: 'failed', error: err });
    }
  }

  private propertiesChanged(body: readonly unknown[]): void {
    const [iface, changed] = body;
    if (iface !== interfaces(this.profile).sysroot || !this.properties || this.closed) return;
    if (typeof changed !== 'object' || changed === null) return;
    try {
      const previous = this.properties;
      this.properties = applySysrootChanges(previous, changed as Record<string, unknown>);
      if (this.properties.bootedOsPath !== previous.bootedOsPath) {
        // A new booted OS object (reboot, first deployment): its CachedUpdate is another one.
        void this.read(++this.generation).catch((err: unknown) =>
          this.emit({ kind: 'failed', error: err }),
        );
        return;
      }
      this.emitProperties();
    } catch (err) {
      this.emit({ kind: 'failed', error: err });
    }
  }
}
