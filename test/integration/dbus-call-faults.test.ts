import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { callMethod, DBusCallError } from '../../daemon-bridge/dbus/call.ts';
import { closeBus, connectBus } from '../../daemon-bridge/dbus/connect-bus.ts';
import { getNameOwner } from '../../daemon-bridge/dbus/bus-driver.ts';
import { startPrivateBus } from '../../sandbox/private-bus.ts';
import type { PrivateBus } from '../../sandbox/private-bus.ts';
import { tempDir } from '../support/temp-dir.ts';
import { waitFor } from '../support/wait-for.ts';

/** A service in its own process whose one method never answers. */
const SERVICE = `
import * as dbus from 'dbus-next';
class Slow extends dbus.interface.Interface {
  Wait() { return new Promise(() => {}); }
}
Slow.configureMembers({ methods: { Wait: { inSignature: '', outSignature: '' } } });
const bus = dbus.systemBus();
bus.export('/test', new Slow('org.example.Slow'));
await bus.requestName('org.example.Slow', 0);
console.log('ready');
`;

const slowCall = {
  destination: 'org.example.Slow',
  path: '/test',
  interface: 'org.example.Slow',
  member: 'Wait',
  timeoutMs: 60_000,
} as const;

async function errorOf(promise: Promise<unknown>): Promise<{ name: string; ms: number }> {
  const start = Date.now();
  try {
    await promise;
  } catch (err) {
    if (err instanceof DBusCallError) return { name: err.errorName, ms: Date.now() - start };
    throw err;
  }
  throw new Error('the call succeeded');
}

describe('a call in flight when the other side goes away fails at once, never hangs', () => {
  const dir = tempDir('faults');
  let bus: PrivateBus | undefined;
  afterEach(async () => {
    await bus?.stop();
  });

  async function startSlowService(address: string) {
    const child = spawn(process.execPath, ['--input-type=module', '-e', SERVICE], {
      env: { ...process.env, DBUS_SYSTEM_BUS_ADDRESS: address },
      stdio: ['ignore', 'pipe', 'inherit'],
      cwd: join(import.meta.dirname, '..', '..'),
    });
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    return child;
  }

  it('the service process dies mid-call → NoReply from the bus', async () => {
    bus = await startPrivateBus(join(dir.path, 'a'));
    const service = await startSlowService(bus.address);
    const client = await connectBus(bus.address);
    try {
      const pending = errorOf(callMethod(client, slowCall));
      await waitFor('call delivered', async () =>
        (await getNameOwner(client, 'org.example.Slow')) ? true : undefined,
      );
      service.kill('SIGKILL');
      const { name, ms } = await pending;
      expect(name).toBe('org.freedesktop.DBus.Error.NoReply');
      expect(ms).toBeLessThan(30_000);
    } finally {
      closeBus(client);
    }
  });

  it('the bus itself goes away mid-call → Disconnected', async () => {
    bus = await startPrivateBus(join(dir.path, 'b'));
    const service = await startSlowService(bus.address);
    const client = await connectBus(bus.address);
    try {
      const pending = errorOf(callMethod(client, slowCall));
      await new Promise((r) => setTimeout(r, 100));
      await bus.stop();
      bus = undefined;
      const { name, ms } = await pending;
      expect(name).toBe('org.freedesktop.DBus.Error.Disconnected');
      expect(ms).toBeLessThan(30_000);
      // Later calls on the dead connection fail the same way instead of hanging.
      expect((await errorOf(callMethod(client, slowCall))).name).toBe(
        'org.freedesktop.DBus.Error.Disconnected',
      );
    } finally {
      closeBus(client);
      service.kill('SIGKILL');
      dir.remove();
    }
  });
});
