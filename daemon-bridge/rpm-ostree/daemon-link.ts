import type { MessageBus } from 'dbus-next';
import { getNameOwner, listActivatableNames, watchNameOwner } from '../dbus/bus-driver.ts';
import { subscribeSignal } from '../dbus/signals.ts';
import { isUnavailable } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { applySysrootChanges } from './parse-sysroot.ts';
import type { SysrootProperties } from './parse-sysroot.ts';
import type { DaemonProfile } from './profile.ts';
import { interfaces } from './profile.ts';
import { getSysrootProperties } from './verbs/get-sysroot-properties.ts';
import { registerClient, unregisterClient } from './verbs/register-client.ts';
import { reload } from './verbs/reload.ts';

/** What the link reports: the daemon's presence and, when present, its properties. */
export type LinkEvent =
  | { readonly kind: 'properties'; readonly properties: SysrootProperties }
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
export class DaemonLink {
  private properties: SysrootProperties | null = null;
  private activatable = false;
  private generation = 0;
  private unsubscribers: (() => Promise<void>)[] = [];
  private closed = false;

  constructor(
    private readonly bus: MessageBus,
    readonly profile: DaemonProfile,
    private readonly emit: (event: LinkEvent) => void,
    private readonly log: Logger,
  ) {}

  async start(): Promise<void> {
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
    );
    this.activatable = (await listActivatableNames(this.bus)).includes(this.profile.busName);
    const owner = await getNameOwner(this.bus, this.profile.busName);
    if (owner || this.activatable) await this.attach();
    else this.emit({ kind: 'absent' });
  }

  /** Reload() as a barrier, then a fresh read. */
  async refresh(): Promise<SysrootProperties> {
    await reload(this.bus, this.profile);
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
    } else if (this.activatable) {
      // Idle exit of an activatable daemon: the next call starts it again.
      void this.attach();
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
    try {
      await registerClient(this.bus, this.profile);
    } catch (err) {
      if (isUnavailable(err)) {
        await registerClient(this.bus, this.profile);
        return;
      }
      // Registration is optional; AccessDenied happens without a logind session.
      this.log.warn(`RegisterClient failed, continuing unregistered: ${String(err)}`);
    }
  }

  private async read(generation: number): Promise<SysrootProperties> {
    const properties = await getSysrootProperties(this.bus, this.profile);
    if (generation === this.generation && !this.closed) {
      this.properties = properties;
      this.emit({ kind: 'properties', properties });
    }
    return properties;
  }

  private propertiesChanged(body: readonly unknown[]): void {
    const [iface, changed] = body;
    if (iface !== interfaces(this.profile).sysroot || !this.properties || this.closed) return;
    if (typeof changed !== 'object' || changed === null) return;
    try {
      this.properties = applySysrootChanges(this.properties, changed as Record<string, unknown>);
      this.emit({ kind: 'properties', properties: this.properties });
    } catch (err) {
      this.emit({ kind: 'failed', error: err });
    }
  }
}
