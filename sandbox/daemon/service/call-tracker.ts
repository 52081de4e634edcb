import * as dbus from 'dbus-next';
import type { Message, MessageBus } from 'dbus-next';
import { readFileSync } from 'node:fs';
import { DBUS_ERROR } from './errors.ts';
import { inSignature } from './interface-spec.ts';
import type { InterfaceSpec } from './interface-spec.ts';
import type { CallContext } from './service-interface.ts';

/** What is exported where, for validating calls. */
export interface ExportedObjects {
  /** Interfaces exported at `path`, or undefined when no object lives there. */
  interfacesAt(path: string): ReadonlyMap<string, InterfaceSpec> | undefined;
}

const PROPERTIES = 'org.freedesktop.DBus.Properties';
const INTROSPECTABLE = 'org.freedesktop.DBus.Introspectable';
const PEER = 'org.freedesktop.DBus.Peer';
const PROPERTY_SIGNATURES: Readonly<Record<string, string>> = {
  Get: 'ss',
  GetAll: 's',
  Set: 'ssv',
};

/**
 * A low-level method handler that runs before dbus-next dispatches a call.
 * It (1) remembers the message so methods can learn their caller (dbus-next
 * only passes the body), and (2) answers malformed calls with the exact
 * error names and texts GDBus uses (checked against GLib 2.74), which
 * dbus-next would otherwise answer differently.
 */
export class CallTracker {
  private current: Message | null = null;
  private readonly handler = (msg: Message): boolean => {
    this.current = msg;
    return this.validate(msg);
  };

  constructor(
    private readonly bus: MessageBus,
    private readonly objects: ExportedObjects,
  ) {
    bus.addMethodHandler(this.handler);
  }

  /** The caller of the call being dispatched right now. */
  caller(): CallContext {
    return { sender: this.current?.sender ?? '', flags: Number(this.current?.flags ?? 0) };
  }

  dispose(): void {
    this.bus.removeMethodHandler(this.handler);
  }

  private validate(msg: Message): boolean {
    const { path, member } = msg;
    const iface = msg.interface;
    const sig = msg.signature ?? '';
    const here = this.objects.interfacesAt(path);
    const noInterface = () =>
      this.fail(
        msg,
        DBUS_ERROR.unknownMethod,
        `No such interface “${iface}” on object at path ${path}`,
      );

    if (iface === INTROSPECTABLE) {
      if (member === 'Introspect' && sig === '') return false;
      return here ? noInterface() : this.noObject(msg);
    }
    if (iface === PEER) {
      if (member === 'Ping' && sig === '') return false;
      if (member === 'GetMachineId' && sig === '') return this.machineId(msg);
      return noInterface();
    }
    if (!here) return this.noObject(msg);
    if (iface === PROPERTIES) {
      if (PROPERTY_SIGNATURES[member] !== sig) return noInterface();
      const [target, name] = msg.body as [string, string | undefined];
      const spec = here.get(target);
      if (!spec) return this.fail(msg, DBUS_ERROR.invalidArgs, `No such interface “${target}”`);
      if (member === 'GetAll') return false;
      const prop = spec.properties?.[name ?? ''];
      if (!prop) return this.fail(msg, DBUS_ERROR.invalidArgs, `No such property “${name}”`);
      if (member === 'Set' && prop.access === 'read')
        return this.fail(msg, DBUS_ERROR.invalidArgs, `Property “${name}” is not writable`);
      if (member === 'Get' && prop.access === 'write')
        return this.fail(msg, DBUS_ERROR.invalidArgs, `Property “${name}” is not readable`);
      return false;
    }
    if (!iface) return false;
    const spec = here.get(iface);
    if (!spec) return noInterface();
    const method = spec.methods?.[member];
    if (!method) return this.fail(msg, DBUS_ERROR.unknownMethod, `No such method “${member}”`);
    const expected = inSignature(method);
    if (sig !== expected)
      return this.fail(
        msg,
        DBUS_ERROR.invalidArgs,
        `Type of message, “(${sig})”, does not match expected type “(${expected})”`,
      );
    return false;
  }

  private noObject(msg: Message): boolean {
    return this.fail(msg, DBUS_ERROR.unknownMethod, `Object does not exist at path “${msg.path}”`);
  }

  private machineId(msg: Message): boolean {
    // dbus-next reads only /var/lib/dbus/machine-id and throws when it is missing.
    for (const path of ['/var/lib/dbus/machine-id', '/etc/machine-id']) {
      try {
        const id = readFileSync(path, 'utf8').trim();
        this.bus.send(dbus.Message.newMethodReturn(msg, 's', [id]));
        return true;
      } catch {
        // try the next one
      }
    }
    return this.fail(
      msg,
      DBUS_ERROR.failed,
      'Unable to load /var/lib/dbus/machine-id or /etc/machine-id',
    );
  }

  private fail(msg: Message, name: string, text: string): boolean {
    this.bus.send(dbus.Message.newError(msg as unknown as string, name, text));
    return true;
  }
}
