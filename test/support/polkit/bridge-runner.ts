/**
 * The app's bridge as a program of its own, so a test can run it as another
 * user: the real runtime (daemon-bridge/runtime.ts, as `npm start` builds it
 * in system mode, without the desktop side) on DBUS_SYSTEM_BUS_ADDRESS,
 * driven over stdin/stdout with one JSON object a line.
 *
 *   → {"type":"ready","uid":65534,"state":{…}}          once the daemon is ready
 *   ← {"id":1,"command":"rollback","args":[]}            a command, as the UI sends it
 *   → {"type":"reply","id":1,"value":{"ok":false,…}}     what the app answered
 *   → {"type":"reply","id":1,"thrown":"…"}               it threw instead (a defect)
 *
 * End of stdin stops the runtime. Bridge logs go to stderr.
 */
import { createInterface } from 'node:readline';
import type { CommandName } from '../../../daemon-bridge/contract/commands.ts';
import { stderrLogger } from '../../../daemon-bridge/logger.ts';
import { createAppRuntime } from '../../../daemon-bridge/runtime.ts';
import { waitForState } from '../runtime-probe.ts';

function send(message: unknown): void {
  process.stdout.write(`${JSON.stringify(message)}\n`);
}

async function main(): Promise<void> {
  const busAddress = process.env.DBUS_SYSTEM_BUS_ADDRESS;
  if (!busAddress) throw new Error('DBUS_SYSTEM_BUS_ADDRESS is not set');
  const runtime = await createAppRuntime({
    mode: { kind: 'system' },
    busAddress,
    daemon: 'rpm-ostree',
    log: stderrLogger('[bridge]'),
  });
  const state = await waitForState(runtime, 'daemon ready', (s) => s.daemon.kind === 'ready');
  send({ type: 'ready', uid: process.getuid?.(), state });
  const pending = new Set<Promise<void>>();
  for await (const line of createInterface({ input: process.stdin })) {
    if (!line.trim()) continue;
    const { id, command, args } = JSON.parse(line) as {
      id: number;
      command: CommandName;
      args: never;
    };
    const work = runtime.handler.handle(command, args).then(
      (value) => send({ type: 'reply', id, value }),
      (err: unknown) => send({ type: 'reply', id, thrown: String(err) }),
    );
    pending.add(work);
    void work.finally(() => pending.delete(work));
  }
  await Promise.all(pending);
  await runtime.stop();
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`bridge-runner: ${err instanceof Error ? err.stack : String(err)}\n`);
    send({ type: 'failed', message: String(err) });
    process.exit(1);
  },
);
