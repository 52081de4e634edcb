import type { DaemonContext } from './daemon-context.ts';
import { mooMethod } from './methods/os-experimental-moo.ts';
import { osMethods } from './methods/os-methods.ts';
import type { ObjectManager } from './object-manager.ts';
import { createServiceInterface } from './service/service-interface.ts';
import { renameMembers } from './specs/daemon-specs.ts';
import type {
  CallContext,
  MethodAuthorizer,
  ServiceInterface,
} from './service/service-interface.ts';
import type { DaemonModel } from './state/daemon-model.ts';

/**
 * The per-osname objects (OS + OSExperimental at the profile's path): created
 * when a stateroot gains its first deployment, removed with its last,
 * updated in between (ObjectManager signals as rpm-ostreed sends them).
 */
export class OsObjects {
  private readonly objects = new Map<string, { path: string; os: ServiceInterface }>();

  constructor(
    private readonly ctx: DaemonContext,
    private readonly objectManager: ObjectManager,
    private readonly caller: () => CallContext,
    /** The OS interface's authorizer (polkit); OSExperimental has none, like rpm-ostreed's. */
    private readonly authorize?: MethodAuthorizer,
  ) {}

  /** The object path of `osname`, if it has deployments. */
  path(osname: string): string | undefined {
    return this.objects.get(osname)?.path;
  }

  /** Brings the objects in line with `model`; `announce` sends InterfacesAdded. */
  publish(model: DaemonModel, announce: boolean): void {
    for (const [osname, { path }] of [...this.objects]) {
      if (model.os.has(osname)) continue;
      this.objectManager.remove(path);
      this.objects.delete(osname);
    }
    for (const [osname, { path, properties }] of model.os) {
      const existing = this.objects.get(osname);
      // The model and the handlers use rpm-ostree's names; the profile's go on the bus.
      const served = renameMembers<unknown>(this.ctx.profile, { ...properties });
      if (existing) {
        existing.os.update(served);
        continue;
      }
      const os = createServiceInterface({
        spec: this.ctx.specs.os,
        caller: this.caller,
        ...(this.authorize ? { authorize: this.authorize } : {}),
        properties: served,
        methods: renameMembers(this.ctx.profile, osMethods(this.ctx, osname)),
      });
      const experimental = createServiceInterface({
        spec: this.ctx.specs.osExperimental,
        caller: this.caller,
        methods: mooMethod(),
      });
      this.objectManager.add(path, [os, experimental], announce);
      this.objects.set(osname, { path, os });
    }
  }
}
