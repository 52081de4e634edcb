import * as dbus from 'dbus-next';
import type { MessageBus } from 'dbus-next';

/** Where the system bus is when nothing says otherwise (the D-Bus specification's default). */
export const DEFAULT_SYSTEM_BUS_ADDRESS = 'unix:path=/var/run/dbus/system_bus_socket';

/** The system bus address this process should use: `DBUS_SYSTEM_BUS_ADDRESS` wins. */
export function systemBusAddress(env: NodeJS.ProcessEnv = process.env): string {
  return env.DBUS_SYSTEM_BUS_ADDRESS || DEFAULT_SYSTEM_BUS_ADDRESS;
}

/**
 * Opens a bus connection and waits for the Hello reply. dbus-next reports a
 * refused socket only as an 'error' event, so that event is turned into a
 * rejection here and a listener stays attached for the connection's life.
 */
export function connectBus(address: string, timeoutMs = 10_000): Promise<MessageBus> {
  // sessionBus() is dbus-next's only factory that takes an address; the bus
  // type is decided by the address, not by the factory's name.
  const bus = dbus.sessionBus({ busAddress: address });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      closeBus(bus);
      reject(new Error(`Timed out connecting to the bus at ${address}`));
    }, timeoutMs);
    const onConnect = () => {
      cleanup();
      resolve(bus);
    };
    const onError = (err: unknown) => {
      cleanup();
      closeBus(bus);
      reject(err instanceof Error ? err : new Error(describe(err)));
    };
    const cleanup = () => {
      clearTimeout(timer);
      bus.off('connect', onConnect);
      bus.off('error', onError);
    };
    // A permanent listener: an 'error' event with no listener would crash the process.
    bus.on('error', () => undefined);
    bus.once('connect', onConnect);
    bus.once('error', onError);
  });
}

/** Closes a connection completely (disconnect() alone only half-closes the stream). */
export function closeBus(bus: MessageBus): void {
  try {
    bus.disconnect();
  } catch {
    // already closed
  }
  const stream = (bus as unknown as { _connection?: { stream?: { destroy(): void } } })._connection
    ?.stream;
  stream?.destroy();
}

/** Calls `listener` once when the connection's socket closes. */
export function onBusClosed(bus: MessageBus, listener: () => void): () => void {
  const stream = (
    bus as unknown as {
      _connection?: { stream?: NodeJS.EventEmitter };
    }
  )._connection?.stream;
  if (!stream) return () => undefined;
  let fired = false;
  const fire = () => {
    if (fired) return;
    fired = true;
    listener();
  };
  stream.once('close', fire);
  return () => stream.off('close', fire);
}

function describe(err: unknown): string {
  if (err && typeof err === 'object' && 'message' in err) return String(err.message);
  return String(err);
}
