import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MessageBus, Variant } from 'dbus-next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppState } from '../../daemon-bridge/contract/domain.ts';
import { getNameOwner, listActivatableNames } from '../../daemon-bridge/dbus/bus-driver.ts';
import { callMethod, DBusCallError } from '../../daemon-bridge/dbus/call.ts';
import { closeBus, connectBus } from '../../daemon-bridge/dbus/connect-bus.ts';
import {
  APT_OSTREE,
  interfaces,
  member,
  osObjectPath,
  RPM_OSTREE,
} from '../../daemon-bridge/rpm-ostree/profile.ts';
import { daemonSpecs } from '../../sandbox/daemon/specs/daemon-specs.ts';
import { startSandbox } from '../../sandbox/launch.ts';
import { publish } from '../../sandbox/remote/publish.ts';
import { ensureSeeded } from '../../sandbox/seed/seed-sandbox.ts';
import { sandboxLayout } from '../../sandbox/sysroot/layout.ts';
import { parseIntrospection } from '../support/introspection-xml.ts';
import type { IntrospectedInterface } from '../support/introspection-xml.ts';
import { referenceDir } from '../support/reference.ts';
import { waitForState } from '../support/runtime-probe.ts';
import { sandboxTempDir } from '../support/sandbox-dir.ts';
import { startSandboxRuntime } from '../support/sandbox-runtime.ts';
import type { SandboxRuntime } from '../support/sandbox-runtime.ts';
import { updateRows } from '../support/update-rows.ts';

const NEW = '12.20260301.0';
const APT = interfaces(APT_OSTREE);
const DEBIAN = osObjectPath(APT_OSTREE, 'debian');
const booted = (s: AppState) => s.system?.deployments.find((d) => d.booted);
type Dict = Record<string, Variant>;

/** A plain call to whoever owns `destination` (the sandbox answers only on apt-ostree's names). */
function call(
  bus: MessageBus,
  destination: string,
  path: string,
  iface: string,
  name: string,
  signature = '',
  body: readonly unknown[] = [],
): Promise<readonly unknown[]> {
  return callMethod(bus, {
    destination,
    path,
    interface: iface,
    member: name,
    signature,
    body,
    timeoutMs: 30_000,
  });
}

async function osProperties(bus: MessageBus): Promise<Dict> {
  const [all] = await call(
    bus,
    APT_OSTREE.busName,
    DEBIAN,
    'org.freedesktop.DBus.Properties',
    'GetAll',
    's',
    [APT.os],
  );
  return all as Dict;
}

function errorName(err: unknown): string {
  return err instanceof DBusCallError ? err.errorName : String(err);
}

/** What GLib's own tool sees on the bus. */
function gdbusIntrospect(address: string, path: string): Record<string, IntrospectedInterface> {
  const xml = execFileSync(
    'gdbus',
    [
      'introspect',
      '--address',
      address,
      '--dest',
      APT_OSTREE.busName,
      '--object-path',
      path,
      '--xml',
    ],
    { encoding: 'utf8' },
  );
  return parseIntrospection(xml);
}

/**
 * Issue #8 on the sandbox playing apt-ostree: a Debian machine served on
 * org.projectatomic.aptostree1 with the AptDiff names, and the app's
 * runtime driving it through the manager's commands with the apt-ostree
 * profile — status, check, stage, the package diff, reboot, rollback.
 */
describe('the apt-ostree profile on the sandbox (a Debian machine)', () => {
  const dir = sandboxTempDir('apt-ostree');
  let env: SandboxRuntime;
  let bus: MessageBus;
  let oldVersion: string;

  beforeAll(async () => {
    env = await startSandboxRuntime(dir.path, { profile: 'apt-ostree' });
    bus = await connectBus(env.sandbox.address);
  }, 120_000);

  afterAll(async () => {
    if (bus) closeBus(bus);
    await env?.stop();
    await dir.remove();
  });

  describe('on the bus', () => {
    it('answers on org.projectatomic.aptostree1 only, with its paths and interfaces', async () => {
      expect(await getNameOwner(bus, APT_OSTREE.busName)).toBe(env.sandbox.daemon.uniqueName);
      expect(await getNameOwner(bus, RPM_OSTREE.busName)).toBeNull();
      const activatable = await listActivatableNames(bus);
      expect(activatable).toContain(APT_OSTREE.busName);
      expect(activatable).not.toContain(RPM_OSTREE.busName);
      await expect(
        call(
          bus,
          RPM_OSTREE.busName,
          RPM_OSTREE.sysrootPath,
          'org.freedesktop.DBus.Properties',
          'GetAll',
          's',
          [interfaces(RPM_OSTREE).sysroot],
        ),
      ).rejects.toSatisfy((e) => errorName(e) === 'org.freedesktop.DBus.Error.ServiceUnknown');

      const [managed] = await call(
        bus,
        APT_OSTREE.busName,
        APT_OSTREE.rootPath,
        'org.freedesktop.DBus.ObjectManager',
        'GetManagedObjects',
      );
      const objects = managed as Record<string, Record<string, unknown>>;
      expect(
        Object.fromEntries(
          Object.entries(objects).map(([path, ifaces]) => [path, Object.keys(ifaces).sort()]),
        ),
      ).toEqual({
        '/org/projectatomic/aptostree1/Sysroot': [APT.sysroot],
        '/org/projectatomic/aptostree1/OS/debian': [APT.os, APT.osExperimental],
      });
      const [booted] = await call(
        bus,
        APT_OSTREE.busName,
        APT_OSTREE.sysrootPath,
        'org.freedesktop.DBus.Properties',
        'Get',
        'ss',
        [APT.sysroot, 'Booted'],
      );
      expect((booted as Variant).value).toBe('/org/projectatomic/aptostree1/OS/debian');
    });

    it('serves the AptDiff names and not the RpmDiff ones', async () => {
      const props = await osProperties(bus);
      expect(Object.keys(props)).toContain('HasCachedUpdateAptDiff');
      expect(Object.keys(props)).not.toContain('HasCachedUpdateRpmDiff');
      const ids = env.ready.system!.deployments.map((d) => d.id);
      const [diff] = await call(
        bus,
        APT_OSTREE.busName,
        DEBIAN,
        APT.os,
        'GetDeploymentsAptDiff',
        'ss',
        [ids[1], ids[0]],
      );
      expect((diff as [string, number][]).map(([name, kind]) => [name, kind])).toContainEqual([
        'linux-image-6.1.0-29-amd64',
        0,
      ]);
      for (const rpmName of ['GetDeploymentsRpmDiff', 'GetCachedUpdateRpmDiff'])
        await expect(
          call(
            bus,
            APT_OSTREE.busName,
            DEBIAN,
            APT.os,
            rpmName,
            's'.repeat(rpmName.startsWith('GetDeployments') ? 2 : 1),
            rpmName.startsWith('GetDeployments') ? [ids[1], ids[0]] : [''],
          ),
        ).rejects.toSatisfy((e) => errorName(e) === 'org.freedesktop.DBus.Error.UnknownMethod');
      await expect(
        call(
          bus,
          APT_OSTREE.busName,
          DEBIAN,
          interfaces(RPM_OSTREE).os,
          'GetDeploymentsAptDiff',
          'ss',
          [ids[1], ids[0]],
        ),
      ).rejects.toSatisfy((e) => errorName(e) === 'org.freedesktop.DBus.Error.UnknownMethod');
    });

    it('introspects as the rpm-ostree interface file with the renames applied', () => {
      const reference = parseIntrospection(
        readFileSync(join(referenceDir(), 'org.projectatomic.rpmostree1.xml'), 'utf8'),
      );
      const rpmName = Object.fromEntries(
        Object.entries(APT_OSTREE.renames).map(([rpm, apt]) => [apt, rpm]),
      );
      const rpmSpecs = daemonSpecs(RPM_OSTREE);
      const served = {
        Sysroot: gdbusIntrospect(env.sandbox.address, APT_OSTREE.sysrootPath)[APT.sysroot]!,
        OS: gdbusIntrospect(env.sandbox.address, DEBIAN)[APT.os]!,
        OSExperimental: gdbusIntrospect(env.sandbox.address, DEBIAN)[APT.osExperimental]!,
      };
      let compared = 0;
      for (const [short, iface] of Object.entries(served)) {
        const ref = reference[`${RPM_OSTREE.interfacePrefix}.${short}`]!;
        const spec =
          rpmSpecs[short === 'OS' ? 'os' : short === 'Sysroot' ? 'sysroot' : 'osExperimental'];
        for (const kind of ['methods', 'properties', 'signals'] as const) {
          // The same members as the rpm-ostree sandbox serves, each under the profile's name …
          const expected = Object.keys(spec[kind] ?? {}).map((n) => member(APT_OSTREE, n));
          expect(Object.keys(iface[kind]).sort(), `${short} ${kind}`).toEqual(expected.sort());
          // … shaped exactly as the interface file declares its rpm-ostree original.
          for (const [name, shape] of Object.entries(iface[kind])) {
            expect(name).not.toMatch(/rpm/i);
            expect(shape, `${short}.${name}`).toEqual(ref[kind][rpmName[name] ?? name]);
            compared++;
          }
        }
      }
      expect(compared).toBeGreaterThanOrEqual(36);
    });
  });

  describe('through the app runtime with the apt-ostree profile', () => {
    it('status: the Debian deployments, osname debian, the apt-ostree identity', () => {
      const { daemon, system } = env.ready;
      expect(daemon).toEqual({
        kind: 'ready',
        daemon: { flavour: 'apt-ostree', busName: 'org.projectatomic.aptostree1' },
      });
      const deployments = system!.deployments.map((d) => ({
        osname: d.osname,
        version: d.version,
        booted: d.booted,
        origin: d.origin,
        packages: d.requestedPackages,
      }));
      expect({ bootedOsname: system!.bootedOsname, deployments }).toEqual({
        bootedOsname: 'debian',
        deployments: [
          {
            osname: 'debian',
            version: '12.20260115.0',
            booted: true,
            origin: { kind: 'ref', refspec: 'debian:debian/12/x86_64/desktop' },
            packages: ['htop'],
          },
          {
            osname: 'debian',
            version: '12.20260101.0',
            booted: false,
            origin: { kind: 'ref', refspec: 'debian:debian/12/x86_64/desktop' },
            packages: [],
          },
        ],
      });
      oldVersion = booted(env.ready)!.version!;
    });

    it('check finds a published Debian update with its package diff and advisories', async () => {
      await publish(dir.path, {
        version: NEW,
        upgrade: ['openssh-client=1:9.2p1-2+deb12u4', 'openssh-server=1:9.2p1-2+deb12u4'],
        add: ['cowsay=3.03+dfsg2-8'],
        remove: ['zstd'],
        padFiles: 100,
        advisories: [
          'DSA-5850-1:important:openssh-client,openssh-server',
          'CVE-2026-0101:critical:openssh-server',
        ],
      });
      const { runtime } = env;
      await expect(runtime.manager.handle('checkForUpdates', [])).resolves.toEqual({
        ok: true,
        value: null,
      });
      const state = runtime.manager.snapshot;
      expect(state.lastCheck?.outcome).toBe('update-available');
      const update = state.system!.cachedUpdate!;
      const changes = await updateRows(runtime.handler, state);
      expect({
        osname: update.osname,
        version: update.version,
        origin: update.origin,
        changes: changes.map((c) => [
          c.kind,
          c.name,
          c.previous?.evr ?? null,
          c.next?.evr ?? null,
          (c.next ?? c.previous)!.arch,
        ]),
        advisories: update.advisories.map((a) => [
          a.id,
          a.severity,
          a.packages,
          a.cves.map((c) => c.url),
        ]),
      }).toEqual({
        osname: 'debian',
        version: NEW,
        origin: 'debian:debian/12/x86_64/desktop',
        changes: [
          ['added', 'cowsay', null, '3.03+dfsg2-8', 'all'],
          ['removed', 'zstd', '1.5.4+dfsg2-5', null, 'amd64'],
          ['upgraded', 'openssh-client', '1:9.2p1-2+deb12u3', '1:9.2p1-2+deb12u4', 'amd64'],
          ['upgraded', 'openssh-server', '1:9.2p1-2+deb12u3', '1:9.2p1-2+deb12u4', 'amd64'],
        ],
        advisories: [
          [
            'CVE-2026-0101',
            'critical',
            ['openssh-server_1:9.2p1-2+deb12u4_amd64'],
            ['https://security-tracker.debian.org/tracker/CVE-2026-0101'],
          ],
          [
            'DSA-5850-1',
            'important',
            ['openssh-client_1:9.2p1-2+deb12u4_amd64', 'openssh-server_1:9.2p1-2+deb12u4_amd64'],
            [],
          ],
        ],
      });
      // On the bus the diff travels under `apt-diff`.
      const cached = (await osProperties(bus)).CachedUpdate!.value as Dict;
      expect({ apt: 'apt-diff' in cached, rpm: 'rpm-diff' in cached }).toEqual({
        apt: true,
        rpm: false,
      });
      expect((await osProperties(bus)).HasCachedUpdateAptDiff!.value).toBe(true);
    });

    it('stage: a staged pending deployment of the new version', async () => {
      const { runtime } = env;
      await expect(runtime.manager.handle('stageUpdate', [])).resolves.toEqual({
        ok: true,
        value: null,
      });
      const system = runtime.manager.snapshot.system!;
      const pending = system.deployments.find((d) => d.id === system.pendingId);
      expect({
        activity: runtime.manager.snapshot.activity?.phase,
        version: pending?.version,
        staged: pending?.staged,
        layered: pending?.requestedPackages,
        booted: booted(runtime.manager.snapshot)?.version,
      }).toEqual({
        activity: 'succeeded',
        version: NEW,
        staged: true,
        layered: ['htop'],
        booted: oldVersion,
      });
    });

    it('compare and preview show Debian package names and versions (GetDeploymentsAptDiff, …DeployAptDiff)', async () => {
      const { runtime } = env;
      const s = runtime.manager.snapshot.system!;
      const diff = await runtime.manager.handle('compareDeployments', [s.bootedId!, s.pendingId!]);
      expect(diff.ok && diff.value.find((c) => c.name === 'openssh-client')).toEqual({
        name: 'openssh-client',
        kind: 'upgraded',
        previous: { evr: '1:9.2p1-2+deb12u3', arch: 'amd64' },
        next: { evr: '1:9.2p1-2+deb12u4', arch: 'amd64' },
        layered: false,
      });
      const preview = await runtime.manager.handle('previewDeploy', [NEW]);
      expect(
        preview.ok && {
          version: preview.value.version,
          cowsay: preview.value.changes.find((c) => c.name === 'cowsay')?.next,
        },
      ).toEqual({
        version: NEW,
        cowsay: { evr: '3.03+dfsg2-8', arch: 'all' },
      });
    });

    it('reboot boots the new version; rollback + reboot brings the old one back', async () => {
      const { runtime } = env;
      await expect(runtime.manager.handle('rebootToApply', [])).resolves.toEqual({
        ok: true,
        value: null,
      });
      await waitForState(runtime, 'new version booted', (s) => booted(s)?.version === NEW);
      await expect(runtime.manager.handle('rollback', [])).resolves.toEqual({
        ok: true,
        value: null,
      });
      const rolled = runtime.manager.snapshot.system!;
      expect(rolled.deployments.find((d) => d.id === rolled.pendingId)?.version).toBe(oldVersion);
      await expect(runtime.manager.handle('rebootToApply', [])).resolves.toEqual({
        ok: true,
        value: null,
      });
      const after = await waitForState(
        runtime,
        'old version booted',
        (s) => booted(s)?.version === oldVersion,
      );
      expect({
        osname: booted(after)?.osname,
        rollback: after.system!.deployments.find((d) => d.id === after.system!.rollbackId)?.version,
      }).toEqual({ osname: 'debian', rollback: NEW });
    });
  });
});

describe('a sandbox directory keeps its machine', () => {
  const dir = sandboxTempDir('apt-ostree-refuse');
  afterAll(() => dir.remove());

  it('a Fedora directory is refused for the apt-ostree profile, before anything starts', async () => {
    await ensureSeeded(sandboxLayout(dir.path));
    await expect(
      startSandbox({ dir: dir.path, profile: 'apt-ostree', log: () => undefined }),
    ).rejects.toThrow(
      /holds a Fedora Silverblue 43 machine; the apt-ostree sandbox needs a Debian 12 \(bookworm\) one/,
    );
  });
});
