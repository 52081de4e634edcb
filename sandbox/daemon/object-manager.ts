import type { VarDict } from './state/deployment-dict.ts';
import type { ObjectRegistry } from './service/object-registry.ts';
import { createServiceInterface } from './service/service-interface.ts';
import type { CallContext, ServiceInterface } from './service/service-interface.ts';
import { OBJECT_MANAGER_SPEC } from './specs/object-manager-spec.ts';

/**
 * org.freedesktop.DBus.ObjectManager at the daemon's root path, like
 * GDBusObjectManagerServer: objects below the root are published through it
 * (InterfacesAdded / InterfacesRemoved) and listed by GetManagedObjects.
 */
export class ObjectManager {
  private readonly iface: ServiceInterface;

  constructor(
    private readonly registry: ObjectRegistry,
    private readonly rootPath: string,
    caller: () => CallContext,
  ) {
    this.iface = createServiceInterface({
      spec: OBJECT_MANAGER_SPEC,
      caller,
      methods: { GetManagedObjects: () => this.managedObjects() },
    });
    registry.export(rootPath, [this.iface]);
  }

  /** Exports an object; `announce` emits InterfacesAdded (not wanted before the name is owned). */
  add(path: string, interfaces: readonly ServiceInterface[], announce: boolean): void {
    this.registry.export(path, interfaces);
    if (announce) this.iface.emitSignal('InterfacesAdded', path, propertiesOf(interfaces));
  }

  /** Unexports an object and emits InterfacesRemoved. */
  remove(path: string): void {
    const interfaces = this.registry.unexport(path);
    if (interfaces.length > 0)
      this.iface.emitSignal(
        'InterfacesRemoved',
        path,
        interfaces.map((i) => i.spec.name),
      );
  }

  /** `a{oa{sa{sv}}}` of every published object. */
  managedObjects(): Record<string, Record<string, VarDict>> {
    const out: Record<string, Record<string, VarDict>> = {};
    for (const path of this.registry.paths()) {
      if (!path.startsWith(`${this.rootPath}/`)) continue;
      out[path] = propertiesOf(this.registry.get(path) ?? []);
    }
    return out;
  }
}

function propertiesOf(interfaces: readonly ServiceInterface[]): Record<string, VarDict> {
  const out: Record<string, VarDict> = {};
  for (const i of interfaces) out[i.spec.name] = i.variants();
  return out;
}
