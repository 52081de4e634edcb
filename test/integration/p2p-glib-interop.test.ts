/**
 * Interop with real GLib (python3-gi): our client against a GDBusServer
 * shaped like rpm-ostree's transaction server, and a GDBusConnection client
 * (AUTHENTICATION_CLIENT, as rpm-ostree's CLI) against createPeerServer.
 * Needs Debian's python3-gi and gir1.2-glib-2.0; fails (never skips) without.
 */
import * as dbus from 'dbus-next';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PeerServer } from '../../daemon-bridge/dbus/p2p/index.ts';
import { RPM_OSTREE } from '../../daemon-bridge/rpm-ostree/profile.ts';
import {
  TransactionVanishedError,
  attachTransaction,
  cancelTransaction,
  runTransaction,
} from '../../daemon-bridge/rpm-ostree/transaction/index.ts';
import type { TransactionEvent } from '../../daemon-bridge/rpm-ostree/transaction/index.ts';
import { tempDir } from '../support/temp-dir.ts';
import { requireGlib, runGlibClient, startGlibServer } from './p2p-processes.ts';
import { startDemoServer } from './p2p-txn-fixture.ts';
import { DEMO, FAIL_EVENTS, OK_EVENTS, demoSteps } from './p2p-txn-steps.ts';

const profile = RPM_OSTREE;
const dir = tempDir('p2p-glib');
const stops: (() => Promise<unknown>)[] = [];
beforeAll(() => requireGlib());
afterAll(async () => {
  await Promise.all(stops.map((stop) => stop()));
  dir.remove();
});

async function glibServer(name: string, scenario: Parameters<typeof startGlibServer>[1]) {
  const server = await startGlibServer(join(dir.path, `${name}.sock`), scenario);
  stops.push(() => server.proc.stop());
  return { server, address: server.addresses[scenario] ?? '' };
}

function recorder() {
  const events: TransactionEvent[] = [];
  let wake: (() => void) | undefined;
  const progressed = new Promise<void>((r) => (wake = r));
  const onEvent = (e: TransactionEvent) => {
    events.push(e);
    if (e.kind === 'percent-progress' || e.kind === 'task-begin') wake?.();
  };
  return { events, onEvent, progressed };
}

describe('our client → GLib GDBusServer (txn-server.py)', () => {
  it('runs to Finished with every signal typed; late Start joins with a re-emitted Finished', async () => {
    const { server, address } = await glibServer('ok', 'ok');
    const rec = recorder();
    const outcome = await runTransaction(address, { profile, onEvent: rec.onEvent });
    expect({ outcome, events: rec.events }).toEqual({
      outcome: {
        title: DEMO.title,
        initiator: DEMO.initiator,
        success: true,
        message: '',
        started: true,
        cancelRequested: false,
        protocolErrors: [],
      },
      events: OK_EVENTS,
    });
    const late = recorder();
    const joined = await runTransaction(address, { profile, onEvent: late.onEvent });
    const attached = await attachTransaction(address, { profile, join: true, onEvent: () => {} });
    expect([joined.started, joined.success, attached.started, attached.success]).toEqual([
      false,
      true,
      false,
      true,
    ]);
    expect(late.events).toEqual([{ kind: 'finished', success: true, message: '' }]);
    await expect.poll(() => server.calls('')).toEqual(['Start:true', 'Start:false', 'Start:false']);
  });

  it('a failed transaction resolves with success false and the daemon’s text', async () => {
    const { address } = await glibServer('fail', 'fail');
    const rec = recorder();
    const outcome = await runTransaction(address, { profile, onEvent: rec.onEvent });
    expect([outcome.success, outcome.message, rec.events]).toEqual([
      false,
      DEMO.failure,
      FAIL_EVENTS,
    ]);
  });

  it('abort → Cancel → Finished(false), seen by an observer too', async () => {
    const { server, address } = await glibServer('cancel', 'cancel');
    const runner = recorder();
    const controller = new AbortController();
    const run = runTransaction(address, {
      profile,
      onEvent: runner.onEvent,
      signal: controller.signal,
    });
    await runner.progressed;
    const observer = recorder();
    const watch = attachTransaction(address, { profile, onEvent: observer.onEvent });
    await observer.progressed;
    controller.abort();
    const [ran, watched] = await Promise.all([run, watch]);
    const finished = { kind: 'finished', success: false, message: DEMO.cancelled };
    expect([ran.cancelRequested, runner.events.at(-1), observer.events.at(-1)]).toEqual([
      true,
      finished,
      finished,
    ]);
    expect([watched.started, watched.success]).toEqual([false, false]);
    await expect.poll(() => server.calls('')).toEqual(['Start:true', 'Cancel']);
  });

  it('cancelTransaction cancels someone else’s transaction, like `rpm-ostree cancel`', async () => {
    const { address } = await glibServer('cancel2', 'cancel');
    const runner = recorder();
    const run = runTransaction(address, { profile, onEvent: runner.onEvent });
    await runner.progressed;
    expect(await cancelTransaction(address, { profile })).toEqual({
      title: DEMO.title,
      initiator: DEMO.initiator,
    });
    expect(await run).toMatchObject({ success: false, message: DEMO.cancelled, started: true });
  });

  it('the server process killed mid-transaction → TransactionVanishedError at once', async () => {
    const { server, address } = await glibServer('hang', 'hang');
    const runner = recorder();
    const run = runTransaction(address, { profile, onEvent: runner.onEvent });
    const outcome = run.catch((e: unknown) => e);
    await runner.progressed;
    const killedAt = Date.now();
    process.kill(-(server.proc.child.pid ?? 0), 'SIGKILL');
    expect(await outcome).toBeInstanceOf(TransactionVanishedError);
    expect(Date.now() - killedAt).toBeLessThan(2_000);
  });
});

/** The JSON GLib prints for a step's arguments (variants unpacked, 64-bit as numbers). */
function plain(value: unknown): unknown {
  if (value instanceof dbus.Variant) return plain(value.value);
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) return value.map(plain);
  return value;
}

describe('GLib GDBusConnection client (txn-client.py) → createPeerServer', () => {
  const servers: PeerServer[] = [];
  afterAll(() => Promise.all(servers.map((s) => s.close())));

  it('authenticates, introspects, reads properties, gets every signal, Start true then false', async () => {
    const { server } = await startDemoServer(join(dir.path, 'node-ok.sock'), 'ok');
    servers.push(server);
    const report = await runGlibClient(server.address, ['--hello']);
    const expectedSignals = demoSteps('ok').map((s) => [s.name, plain(s.args)]);
    expect(report).toEqual({
      guid: server.guid,
      capabilities: 0, // no unix-fd passing negotiated
      introspect_has_iface: true,
      title: DEMO.title,
      initiator: DEMO.initiator,
      hello_error: [
        'org.freedesktop.DBus.Error.UnknownMethod',
        'GDBus.Error:org.freedesktop.DBus.Error.UnknownMethod: Object does not exist at path “/org/freedesktop/DBus”',
      ],
      starts: [true, false],
      signals: [...expectedSignals, ['Finished', [true, '']]],
      finished_count: 2,
    });
  });

  it('Cancel from a GLib client ends the transaction with Finished(false)', async () => {
    const { server, txn } = await startDemoServer(join(dir.path, 'node-cancel.sock'), 'cancel');
    servers.push(server);
    const report = await runGlibClient(server.address, ['--cancel']);
    expect(report.signals.at(-1)).toEqual(['Finished', [false, DEMO.cancelled]]);
    expect([report.starts, report.finished_count, report.timed_out]).toEqual([
      [true, false],
      2,
      undefined,
    ]);
    expect(txn.calls).toEqual(['Start:true', 'Cancel', 'Start:false']);
  });
});
