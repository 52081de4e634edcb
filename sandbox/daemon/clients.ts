import type { MessageBus } from 'dbus-next';
import { getNameOwner, watchNameOwner } from '../../daemon-bridge/dbus/bus-driver.ts';

interface Client {
  readonly id: string | null;
  unwatch?: () => Promise<void>;
}

/**
 * Clients registered with Sysroot.RegisterClient, by unique bus name. Like
 * rpmostreed_daemon_add_client, each registration watches NameOwnerChanged
 * for that name and drops the client when it leaves the bus.
 */
export class ClientRegistry {
  private readonly clients = new Map<string, Client>();

  constructor(
    private readonly bus: MessageBus,
    private readonly onChange: () => void,
    private readonly log: (line: string) => void,
  ) {}

  get size(): number {
    return this.clients.size;
  }

  /** The registration of `address` (its id may be null), or undefined if unregistered. */
  registration(address: string): { readonly id: string | null } | undefined {
    const client = this.clients.get(address);
    return client ? { id: client.id } : undefined;
  }

  /** Registers `address`; a second registration is a no-op (the first id sticks). */
  async add(address: string, id: string | null): Promise<void> {
    if (this.clients.has(address)) return;
    const client: Client = { id };
    this.clients.set(address, client);
    this.log(`${describe(address, client)} added; new total=${this.clients.size}`);
    this.onChange();
    const unwatch = await watchNameOwner(this.bus, address, (owner) => {
      if (owner === null) this.remove(address);
    });
    if (this.clients.get(address) !== client) {
      await unwatch();
      return;
    }
    client.unwatch = unwatch;
    // The caller may have left before the match rule was in place.
    if ((await getNameOwner(this.bus, address)) === null) this.remove(address);
  }

  /** Unregisters `address`; unknown names are ignored. */
  remove(address: string): void {
    const client = this.clients.get(address);
    if (!client) return;
    this.clients.delete(address);
    void client.unwatch?.();
    this.log(`${describe(address, client)} vanished; remaining=${this.clients.size}`);
    this.onChange();
  }
}

function describe(address: string, client: Client): string {
  return `client(id:${client.id ?? 'unknown'} dbus:${address})`;
}
