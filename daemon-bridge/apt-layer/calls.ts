import type { MessageBus } from 'dbus-next';
import { callMethod, DBusCallError } from '../dbus/call.ts';
import { DBUS_ERRORS } from '../errors.ts';
import { ParseError } from '../rpm-ostree/vardict.ts';
import { parseStatus } from './parse-status.ts';
import type { AptLayerStatus } from './parse-status.ts';
import {
  APT_LAYER_BUS_NAME,
  APT_LAYER_INTERFACE,
  APT_LAYER_OBJECT_PATH,
  BUSY_ERROR,
} from './protocol.ts';
import type { AptLayerCall } from './request-calls.ts';

const TARGET = {
  destination: APT_LAYER_BUS_NAME,
  path: APT_LAYER_OBJECT_PATH,
  interface: APT_LAYER_INTERFACE,
} as const;

/** Status(), parsed. */
export async function callStatus(bus: MessageBus, timeoutMs = 60_000): Promise<AptLayerStatus> {
  const [reply] = await callMethod(bus, { ...TARGET, member: 'Status', timeoutMs });
  return parseStatus(reply);
}

/**
 * Install/Uninstall/Upgrade/Rollback → the transaction id. apt-layer's busy
 * error becomes the bridge's busy error, so the request waits for the
 * running transaction and is asked again afterwards, as with rpm-ostree.
 */
export async function callStart(bus: MessageBus, call: AptLayerCall): Promise<string> {
  let body: readonly unknown[];
  try {
    body = await callMethod(bus, {
      ...TARGET,
      member: call.method,
      ...('packages' in call ? { signature: 'as', body: [[...call.packages]] } : {}),
      // The daemon may ask polkit, and polkit may ask the user.
      interactive: true,
    });
  } catch (err) {
    if (err instanceof DBusCallError && err.errorName === BUSY_ERROR)
      throw new DBusCallError(DBUS_ERRORS.busy, err.text, err.member);
    throw err;
  }
  const [id] = body;
  if (typeof id !== 'string' || id === '')
    throw new ParseError(`${call.method}()`, 'expected a transaction id (a non-empty string)');
  return id;
}
