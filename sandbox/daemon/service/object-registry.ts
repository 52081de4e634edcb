import type { MessageBus } from 'dbus-next';
import type { ExportedObjects } from './call-tracker.ts';
import type { InterfaceSpec } from './interface-spec.ts';
import type { ServiceInterface } from './service-interface.ts';

/** The objects this process exports on its bus connection, path by path. */
export class ObjectRegistry implements ExportedObjects {
  private readonly objects = new Map<string, readonly ServiceInterface[]>();

  constructor(private readonly bus: MessageBus) {}

  /** Exports `interfaces` at `path` (replacing nothing: the path must be free). */
  export(path: string, interfaces: readonly ServiceInterface[]): void {
    if (this.objects.has(path)) throw new Error(`${path} is already exported`);
    for (const iface of interfaces) this.bus.export(path, iface);
    this.objects.set(path, interfaces);
  }

  /** Removes the object at `path`; returns its interfaces (empty if none). */
  unexport(path: string): readonly ServiceInterface[] {
    const interfaces = this.objects.get(path) ?? [];
    // Whole object at once: dbus-next 0.10.2's per-interface unexport drops the
    // entire object after the first one (`interfaces.length` on an object).
    // (The d.ts wrongly makes the interface argument mandatory.)
    if (interfaces.length > 0)
      (this.bus as unknown as { unexport(path: string): void }).unexport(path);
    this.objects.delete(path);
    return interfaces;
  }

  get(path: string): readonly ServiceInterface[] | undefined {
    return this.objects.get(path);
  }

  paths(): readonly string[] {
    return [...this.objects.keys()];
  }

  interfacesAt(path: string): ReadonlyMap<string, InterfaceSpec> | undefined {
    const interfaces = this.objects.get(path);
    return interfaces && new Map(interfaces.map((i) => [i.spec.name, i.spec]));
  }
}
