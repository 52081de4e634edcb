import * as dbus from 'dbus-next';
import { deepEqual } from './deep-equal.ts';
import { DBUS_ERROR, toDBusError } from './errors.ts';
import { inSignature, introspectionNode, outSignature } from './interface-spec.ts';
import type { InterfaceSpec } from './interface-spec.ts';

/** Who called: the unique bus name and header flags of the message being handled. */
export interface CallContext {
  readonly sender: string;
  readonly flags: number;
}

/** One method implementation: the caller plus the unmarshalled in-arguments. */
export type MethodHandler = (call: CallContext, args: readonly unknown[]) => unknown;

/**
 * Decides whether a call may run before its handler does (GDBus's
 * `g-authorize-method`): resolves to let it run, rejects with the D-Bus
 * error to send instead. Runs for every method of the interface, known or not.
 */
export type MethodAuthorizer = (
  call: CallContext,
  method: string,
  args: readonly unknown[],
) => Promise<void>;

export interface ServiceInterfaceOptions {
  readonly spec: InterfaceSpec;
  /** Initial value of every property in the spec. */
  readonly properties?: Readonly<Record<string, unknown>>;
  readonly methods?: Readonly<Record<string, MethodHandler>>;
  /** The caller of the message being dispatched (see CallTracker). */
  readonly caller: () => CallContext;
  /** Asked before every method call (sandbox/daemon/polkit/); none: every caller may call. */
  readonly authorize?: MethodAuthorizer;
}

/**
 * One exported interface, built from its spec: property values live here and
 * change through `update()`, which emits PropertiesChanged (values, no
 * invalidations) only for values that really changed, like a GDBus skeleton.
 */
export class ServiceInterface extends dbus.interface.Interface {
  readonly spec: InterfaceSpec;
  private readonly values: Record<string, unknown>;
  private readonly methods: Readonly<Record<string, MethodHandler>>;
  private readonly caller: () => CallContext;
  private readonly authorize: MethodAuthorizer | undefined;

  constructor(options: ServiceInterfaceOptions) {
    super(options.spec.name);
    this.spec = options.spec;
    this.values = { ...(options.properties ?? {}) };
    this.methods = options.methods ?? {};
    this.caller = options.caller;
    this.authorize = options.authorize;
    for (const name of Object.keys(this.spec.properties ?? {}))
      if (!(name in this.values)) throw new Error(`${this.spec.name}.${name} has no initial value`);
  }

  /** The current value of a property. */
  property(name: string): unknown {
    return this.values[name];
  }

  /** Sets properties; emits one PropertiesChanged with those that changed and returns their names. */
  update(changes: Readonly<Record<string, unknown>>): readonly string[] {
    const changed: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(changes)) {
      if (!this.spec.properties?.[name])
        throw new Error(`${this.spec.name} has no property ${name}`);
      if (deepEqual(this.values[name], value)) continue;
      this.values[name] = value;
      changed[name] = value;
    }
    const names = Object.keys(changed);
    if (names.length > 0) dbus.interface.Interface.emitPropertiesChanged(this, changed, []);
    return names;
  }

  /** Every property as a Variant, for GetManagedObjects and InterfacesAdded. */
  variants(): Record<string, dbus.Variant> {
    const out: Record<string, dbus.Variant> = {};
    for (const [name, p] of Object.entries(this.spec.properties ?? {}))
      out[name] = new dbus.Variant(p.type, this.values[name]);
    return out;
  }

  /** Emits a signal of this interface. */
  emitSignal(name: string, ...args: unknown[]): void {
    const fn = (this as unknown as Record<string, unknown>)[name];
    if (!this.spec.signals?.[name] || typeof fn !== 'function')
      throw new Error(`${this.spec.name} has no signal ${name}`);
    (fn as (...a: unknown[]) => void).apply(this, args);
  }

  /** Authorizes the call (if this interface is guarded), then runs its handler. */
  invoke(name: string, args: readonly unknown[]): unknown {
    // Read the caller first: it is only valid synchronously at dispatch.
    const call = this.caller();
    if (!this.authorize) return this.run(call, name, args);
    return this.authorize(call, name, args).then(
      () => this.run(call, name, args),
      (err: unknown) => {
        throw toDBusError(err);
      },
    );
  }

  /** Runs a method handler; any failure becomes a D-Bus error reply. */
  private run(call: CallContext, name: string, args: readonly unknown[]): unknown {
    const handler = this.methods[name];
    if (!handler) throw new dbus.DBusError(DBUS_ERROR.unknownMethod, `No such method “${name}”`);
    try {
      const result = handler(call, args);
      return result instanceof Promise
        ? result.catch((err: unknown) => {
            throw toDBusError(err);
          })
        : result;
    } catch (err) {
      throw toDBusError(err);
    }
  }
}

type Ctor = new (options: ServiceInterfaceOptions) => ServiceInterface;
const classes = new Map<InterfaceSpec, Ctor>();

/** An exported-interface object for `options.spec` (one dbus-next class per spec). */
export function createServiceInterface(options: ServiceInterfaceOptions): ServiceInterface {
  let ctor = classes.get(options.spec);
  if (!ctor) {
    ctor = defineClass(options.spec);
    classes.set(options.spec, ctor);
  }
  return new ctor(options);
}

/**
 * dbus-next wants members on a class prototype plus configureMembers()
 * (its decorators do not work from TypeScript, spikes §1); generate both.
 */
function defineClass(spec: InterfaceSpec): Ctor {
  class Generated extends ServiceInterface {}
  const define = (name: string, desc: PropertyDescriptor) =>
    Object.defineProperty(Generated.prototype, name, { configurable: true, ...desc });

  const methods: Record<string, { inSignature: string; outSignature: string }> = {};
  for (const [name, m] of Object.entries(spec.methods ?? {})) {
    define(name, {
      value(this: ServiceInterface, ...args: unknown[]) {
        return this.invoke(name, args);
      },
    });
    methods[name] = { inSignature: inSignature(m), outSignature: outSignature(m) };
  }
  const properties: Record<string, { signature: string; access: string }> = {};
  for (const [name, p] of Object.entries(spec.properties ?? {})) {
    define(name, {
      get(this: ServiceInterface) {
        return this.property(name);
      },
    });
    properties[name] = { signature: p.type, access: p.access };
  }
  const signals: Record<string, { signature: string }> = {};
  for (const [name, s] of Object.entries(spec.signals ?? {})) {
    // dbus-next sends what a signal member returns: one value, or an array for several.
    define(name, {
      value: (...args: unknown[]) => (args.length <= 1 ? args[0] : args),
      writable: true,
    });
    signals[name] = { signature: (s.args ?? []).map((a) => a.type).join('') };
  }
  Generated.configureMembers({
    methods,
    properties: properties as Parameters<typeof Generated.configureMembers>[0]['properties'],
    signals,
  });
  define('$introspect', { value: () => introspectionNode(spec) });
  return Generated;
}
