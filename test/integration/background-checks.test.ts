import * as dbus from 'dbus-next';
import type { MessageBus } from 'dbus-next';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackgroundCheckState } from '../../daemon-bridge/contract/desktop.ts';
import { defaultDesktopSettings } from '../../daemon-bridge/contract/desktop.ts';
import type { AppState, Result } from '../../daemon-bridge/contract/domain.ts';
import { ok } from '../../daemon-bridge/contract/domain.ts';
import { callMethod } from '../../daemon-bridge/dbus/call.ts';
import { closeBus, connectBus } from '../../daemon-bridge/dbus/connect-bus.ts';
import { BackgroundChecker } from '../../daemon-bridge/desktop/background-checker.ts';
import { DEFAULT_BACKGROUND_POLICY } from '../../daemon-bridge/desktop/background-policy.ts';
import type { BackgroundPolicyConfig } from '../../daemon-bridge/desktop/background-policy.ts';
import type { Logger } from '../../daemon-bridge/logger.ts';
import { interfaces, RPM_OSTREE } from '../../daemon-bridge/rpm-ostree/profile.ts';
import { openPowerNetwork } from '../../daemon-bridge/system/power-network.ts';
import type { PowerNetwork, PowerNetworkSource } from '../../daemon-bridge/system/power-network.ts';
import { startPowerServices } from '../../sandbox/power/launch-power.ts';
import type { PowerServices } from '../../sandbox/power/launch-power.ts';
import { startPrivateBus } from '../../sandbox/private-bus.ts';
import type { PrivateBus } from '../../sandbox/private-bus.ts';
import { sandboxLayout } from '../../sandbox/sysroot/layout.ts';
import { blankState, emptySystem } from '../support/app-state.ts';
import { startSandboxRuntime } from '../support/sandbox-runtime.ts';
import type { SandboxRuntime } from '../support/sandbox-runtime.ts';
import { sandboxTempDir } from '../support/sandbox-dir.ts';
import { tempDir } from '../support/temp-dir.ts';
import { waitFor } from '../support/wait-for.ts';

/** Fast enough for a test: the first check 20 ms after start, retries after a minute. */
const FAST: BackgroundPolicyConfig = {
  ...DEFAULT_BACKGROUND_POLICY,
  startupDelayMinMs: 20,
  startupDelayMaxMs: 20,
  retryDelayMs: 60_000,
};

function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: (m) => lines.push(`info: ${m}`),
    warn: (m) => lines.push(`warn: ${m}`),
    error: (m) => lines.push(`error: ${m}`),
  };
}

function waitForReadings(source: PowerNetworkSource, what: string, expected: PowerNetwork) {
  return waitFor(what, () => {
    const r = source.current();
    return r.metered === expected.metered &&
      r.onBattery === expected.onBattery &&
      r.batteryPercent === expected.batteryPercent
      ? r
      : undefined;
  });
}

/** A background checker over `power` with a ready daemon whose policy is `check`. */
function checkerOver(power: PowerNetworkSource) {
  const daemon = { flavour: 'rpm-ostree', busName: RPM_OSTREE.busName } as const;
  const state: AppState = blankState({
    daemon: { kind: 'ready', daemon },
    system: emptySystem(Date.now()),
  });
  const runs: number[] = [];
  let reported: BackgroundCheckState | null = null;
  const checker = new BackgroundChecker({
    getState: () => state,
    getSettings: () => defaultDesktopSettings,
    power,
    runCheck: (): Promise<Result<null>> => {
      runs.push(Date.now());
      return Promise.resolve(ok(null));
    },
    lastRunAt: null,
    onRun: () => undefined,
    onChange: (s) => (reported = s),
    config: FAST,
  });
  return { checker, runs, reported: () => reported };
}

describe('network and power readings from the sandbox stand-ins', () => {
  const dir = tempDir('power');
  let bus: PrivateBus;
  let power: PowerServices;
  let client: MessageBus;
  let source: PowerNetworkSource;
  const log = recordingLogger();

  beforeAll(async () => {
    bus = await startPrivateBus(join(dir.path, 'run'));
    power = await startPowerServices({
      address: bus.address,
      values: { metered: 'yes', onBattery: false, battery: 80 },
      log: () => undefined,
    });
    client = await connectBus(bus.address);
    source = await openPowerNetwork(client, { log });
  });
  afterAll(async () => {
    source?.close();
    if (client) closeBus(client);
    await power?.stop();
    await bus?.stop();
    dir.remove();
  });

  it('reads NetworkManager and UPower as they start', () => {
    expect(source.current()).toEqual({ metered: true, onBattery: false, batteryPercent: 80 });
    expect(log.lines).toEqual([]);
  });

  it('follows PropertiesChanged and reports each change', async () => {
    const seen: PowerNetwork[] = [];
    const unsubscribe = source.onChange((r) => seen.push(r));
    await power.set({ metered: 'no' });
    await waitForReadings(source, 'unmetered', {
      metered: false,
      onBattery: false,
      batteryPercent: 80,
    });
    await power.set({ onBattery: true, battery: 15 });
    await waitForReadings(source, 'on battery at 15 %', {
      metered: false,
      onBattery: true,
      batteryPercent: 15,
    });
    await power.set({ metered: 'guess-yes', battery: null });
    await waitForReadings(source, 'guessed metered, no battery', {
      metered: true,
      onBattery: true,
      batteryPercent: null,
    });
    await power.set({ metered: 'unknown', battery: 42.5, onBattery: false });
    await waitForReadings(source, 'metered unknown', {
      metered: null,
      onBattery: false,
      batteryPercent: 42.5,
    });
    unsubscribe();
    // Every reported value is one the services really had, in order.
    expect(seen[0]).toEqual({ metered: false, onBattery: false, batteryPercent: 80 });
    expect(seen.at(-1)).toEqual({ metered: null, onBattery: false, batteryPercent: 42.5 });
    expect(seen.some((r) => r.onBattery === true && r.batteryPercent === 15)).toBe(true);
  });

  it('a service that goes away reads null; back again, it is read afresh', async () => {
    await power.set({ metered: 'yes', onBattery: true, battery: 30 });
    await waitForReadings(source, 'set', { metered: true, onBattery: true, batteryPercent: 30 });
    await power.set({ networkManager: false });
    await waitForReadings(source, 'no NetworkManager', {
      metered: null,
      onBattery: true,
      batteryPercent: 30,
    });
    await power.set({ upower: false, metered: 'no' });
    await waitForReadings(source, 'neither', {
      metered: null,
      onBattery: null,
      batteryPercent: null,
    });
    // Values changed while a service was away are read when it returns.
    await power.set({ networkManager: true, upower: true, battery: 55 });
    await waitForReadings(source, 'both back', {
      metered: false,
      onBattery: true,
      batteryPercent: 55,
    });
  });

  it('the checker over these readings skips for metered, then low battery, then runs', async () => {
    await power.set({ metered: 'yes', onBattery: false, battery: 80 });
    await waitForReadings(source, 'metered', {
      metered: true,
      onBattery: false,
      batteryPercent: 80,
    });
    const { checker, runs, reported } = checkerOver(source);
    checker.start();
    try {
      await waitFor(
        'skipped as metered',
        () => reported()?.lastSkip?.reason === 'metered' || undefined,
      );
      // One change at a time: the services signal each property on its own.
      await power.set({ onBattery: true, battery: 15 });
      await waitForReadings(source, 'low', { metered: true, onBattery: true, batteryPercent: 15 });
      await power.set({ metered: 'no' });
      await waitFor(
        'skipped for the battery',
        () => reported()?.lastSkip?.reason === 'low-battery' || undefined,
      );
      expect(runs).toEqual([]);
      await power.set({ onBattery: false });
      await waitFor('ran', () => (runs.length === 1 ? true : undefined));
      // The checker stamps the run as it starts it, a moment before runCheck reads the clock.
      const stamped = reported()?.lastRunAt ?? NaN;
      expect(runs[0]! - stamped).toBeGreaterThanOrEqual(0);
      expect(runs[0]! - stamped).toBeLessThan(1_000);
      expect(reported()).toMatchObject({
        metered: false,
        onBattery: false,
        batteryPercent: 15,
      });
      expect(reported()?.nextAt).toBeGreaterThan(runs[0]! + 10 * 3_600_000);
    } finally {
      checker.stop();
    }
  });

  it('the stand-ins stopped: every reading is null', async () => {
    await power.stop();
    await waitForReadings(source, 'all unknown', {
      metered: null,
      onBattery: null,
      batteryPercent: null,
    });
    expect(log.lines).toEqual([]);
  });
});

/** A service answering with the wrong types, as a broken or future service might. */
class BadNetworkManager extends dbus.interface.Interface {
  constructor() {
    super('org.freedesktop.NetworkManager');
  }
  get Metered(): string {
    return 'yes';
  }
}
BadNetworkManager.configureMembers({
  properties: { Metered: { signature: 's', access: dbus.interface.ACCESS_READ } },
});
class BadDisplayDevice extends dbus.interface.Interface {
  constructor() {
    super('org.freedesktop.UPower.Device');
  }
  get Percentage(): number {
    return 150;
  }
  get IsPresent(): boolean {
    return true;
  }
}
BadDisplayDevice.configureMembers({
  properties: {
    Percentage: { signature: 'd', access: dbus.interface.ACCESS_READ },
    IsPresent: { signature: 'b', access: dbus.interface.ACCESS_READ },
  },
});

describe('absent and malformed services', () => {
  const dir = tempDir('power-bad');
  const marker = join(dir.path, 'activated');
  let bus: PrivateBus;

  beforeAll(async () => {
    // Both names are activatable here; starting either would create the marker.
    bus = await startPrivateBus(join(dir.path, 'run'), {
      services: [
        { name: 'org.freedesktop.NetworkManager', exec: ['/usr/bin/touch', marker] },
        { name: 'org.freedesktop.UPower', exec: ['/usr/bin/touch', marker] },
      ],
    });
  });
  afterAll(async () => {
    await bus?.stop();
    dir.remove();
  });

  it('absent services read null and are never activated', async () => {
    const client = await connectBus(bus.address);
    const log = recordingLogger();
    try {
      const source = await openPowerNetwork(client, { log });
      expect(source.current()).toEqual({ metered: null, onBattery: null, batteryPercent: null });
      source.close();
      await new Promise((r) => setTimeout(r, 200));
      expect(existsSync(marker)).toBe(false);
      expect(log.lines).toEqual([
        expect.stringMatching(/^info: org\.freedesktop\.(NetworkManager|UPower) is not on/),
        expect.stringMatching(/^info: org\.freedesktop\.(NetworkManager|UPower) is not on/),
      ]);
    } finally {
      closeBus(client);
    }
  });

  it('malformed answers read null, are logged once, and never throw', async () => {
    const service = await connectBus(bus.address);
    const client = await connectBus(bus.address);
    const log = recordingLogger();
    try {
      const nm = new BadNetworkManager();
      const device = new BadDisplayDevice();
      service.export('/org/freedesktop/NetworkManager', nm);
      service.export('/org/freedesktop/UPower/devices/DisplayDevice', device);
      await service.requestName('org.freedesktop.NetworkManager', 4);
      // UPower without its manager object: OnBattery cannot be read.
      await service.requestName('org.freedesktop.UPower', 4);
      const source = await openPowerNetwork(client, { log });
      expect(source.current()).toEqual({ metered: null, onBattery: null, batteryPercent: null });
      dbus.interface.Interface.emitPropertiesChanged(nm, { Metered: 'no' }, []);
      dbus.interface.Interface.emitPropertiesChanged(device, { Percentage: 120 }, []);
      // A round trip through the service after its signals: they have been handled.
      await callMethod(client, {
        destination: 'org.freedesktop.NetworkManager',
        path: '/org/freedesktop/NetworkManager',
        interface: 'org.freedesktop.DBus.Peer',
        member: 'Ping',
      });
      expect(source.current()).toEqual({ metered: null, onBattery: null, batteryPercent: null });
      expect(log.lines.map((l) => l.replace(/:.*$/s, '')).sort()).toEqual(['warn', 'warn', 'warn']);
      expect(log.lines.join('\n')).toMatch(/Metered.*expected type 'u', got 's'/);
      expect(log.lines.join('\n')).toMatch(/Percentage.*expected 0–100, got 150/);
      expect(log.lines.join('\n')).toMatch(/OnBattery/);
      source.close();
      expect(existsSync(marker)).toBe(false);
    } finally {
      closeBus(service);
      closeBus(client);
    }
  });
});

describe('background checks against the sandbox daemon', () => {
  const dir = sandboxTempDir('bg-checks');
  const layout = sandboxLayout(dir.path);
  let env: SandboxRuntime;
  let power: PowerServices;
  let client: MessageBus;
  let source: PowerNetworkSource;

  beforeAll(async () => {
    // The whole sandbox starts the stand-ins itself (sandbox/launch.ts); make the network metered.
    env = await startSandboxRuntime(dir.path);
    power = env.sandbox.power!;
    await power.set({ metered: 'yes' });
    client = await connectBus(env.sandbox.address);
    source = await openPowerNetwork(client, { log: recordingLogger() });
  }, 120_000);
  afterAll(async () => {
    source?.close();
    if (client) closeBus(client);
    await env?.stop();
    await dir.remove();
  });

  it('policy none: nothing scheduled; policy check: skipped while metered, run when it is not', async () => {
    const { manager } = env.runtime;
    expect(manager.snapshot.system?.automaticUpdatePolicy).toBe('none');
    const runs: number[] = [];
    const persisted: number[] = [];
    const reports: BackgroundCheckState[] = [];
    const reported = () => reports.at(-1);
    const checker = new BackgroundChecker({
      getState: () => manager.snapshot,
      getSettings: () => defaultDesktopSettings,
      power: source,
      runCheck: () => {
        runs.push(Date.now());
        return manager.handle('checkForUpdates', []);
      },
      lastRunAt: null,
      onRun: (at) => persisted.push(at),
      onChange: (s) => reports.push(s),
      config: FAST,
    });
    const unsubscribe = manager.subscribe(() => checker.stateChanged());
    checker.start();
    try {
      expect(reported()).toMatchObject({
        nextAt: null,
        lastSkip: { reason: 'daemon-policy-none' },
        metered: true,
      });
      writeFileSync(layout.daemonConfig, '[Daemon]\nAutomaticUpdatePolicy=check\n');
      await callMethod(client, {
        destination: RPM_OSTREE.busName,
        path: RPM_OSTREE.sysrootPath,
        interface: interfaces(RPM_OSTREE).sysroot,
        member: 'ReloadConfig',
      });
      await waitFor('skipped as metered', () =>
        reported()?.lastSkip?.reason === 'metered' ? true : undefined,
      );
      expect(manager.snapshot.system?.automaticUpdatePolicy).toBe('check');
      expect(runs).toEqual([]);
      await power.set({ metered: 'no' });
      const state = await waitFor('the check ran', () =>
        persisted.length === 1 && manager.snapshot.lastCheck ? manager.snapshot : undefined,
      );
      expect(runs).toHaveLength(1);
      expect(state.lastCheck).toMatchObject({ outcome: 'up-to-date' });
      expect(state.activity).toMatchObject({ title: 'upgrade (check only)', phase: 'succeeded' });
      expect(reported()).toMatchObject({ lastRunAt: persisted[0], metered: false });
    } finally {
      unsubscribe();
      checker.stop();
    }
  });
});
