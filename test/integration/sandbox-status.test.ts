import type { MessageBus, Variant } from 'dbus-next';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DBusCallError } from '../../daemon-bridge/dbus/call.ts';
import { osObjectPath, RPM_OSTREE } from '../../daemon-bridge/rpm-ostree/profile.ts';
import type { RunningSandbox } from '../../sandbox/launch.ts';
import { sandboxLayout } from '../../sandbox/sysroot/layout.ts';
import { ostreeAdminStatus } from '../support/ostree-status.ts';
import {
  startSandboxWithClient,
  stopSandboxWithClient,
  daemonCall,
  getAll,
} from '../support/sandbox-client.ts';
import { sandboxTempDir } from '../support/sandbox-dir.ts';

const SYSROOT = RPM_OSTREE.sysrootPath;
const SYSROOT_IFACE = `${RPM_OSTREE.interfacePrefix}.Sysroot`;
const OS_IFACE = `${RPM_OSTREE.interfacePrefix}.OS`;
const FEDORA = osObjectPath(RPM_OSTREE, 'fedora');
const REFSPEC = 'fedora:fedora/43/x86_64/silverblue';

type Dict = Record<string, Variant<unknown>>;
const signatures = (d: Dict) =>
  Object.fromEntries(Object.entries(d).map(([k, v]) => [k, v.signature]));

/** What ostree itself says about a commit (timestamp, parent). */
function ostreeShow(repo: string, rev: string): { date: number; parent: string | null } {
  const text = execFileSync('ostree', ['show', `--repo=${repo}`, rev], {
    encoding: 'utf8',
    env: { ...process.env, TZ: 'UTC' },
  });
  const date = /^Date:\s+(.+)$/m.exec(text)![1]!;
  const parent = /^Parent:\s+([0-9a-f]{64})$/m.exec(text)?.[1] ?? null;
  return { date: Date.parse(date.replace(/ ([+-]\d{4})$/, '$1').replace(' ', 'T')) / 1000, parent };
}

/** What the daemon publishes, checked against what ostree itself says. */
describe('sandbox daemon status over a real sysroot', () => {
  const dir = sandboxTempDir('sbx-status');
  const layout = sandboxLayout(dir.path);
  let sandbox: RunningSandbox;
  let bus: MessageBus;

  beforeAll(async () => {
    ({ sandbox, bus } = await startSandboxWithClient(dir.path));
  });
  afterAll(async () => {
    await stopSandboxWithClient({ sandbox, bus });
    await dir.remove();
  });

  const deployments = async () =>
    (await getAll(bus, SYSROOT, SYSROOT_IFACE)).Deployments!.value as Dict[];

  it('Deployments agree with `ostree admin status` (order, checksums, serials, versions, pins)', async () => {
    const served = (await deployments()).map((d) => ({
      osname: d.osname!.value as string,
      checksum: d.checksum!.value as string,
      serial: d.serial!.value as number,
      version: (d.version?.value as string | undefined) ?? null,
      pinned: d.pinned!.value as boolean,
    }));
    const cli = ostreeAdminStatus(layout.sysroot).map(
      ({ osname, checksum, serial, version, pinned }) => ({
        osname,
        checksum,
        serial,
        version,
        pinned,
      }),
    );
    expect(served).toEqual(cli);
    expect(served.map((d) => d.version)).toEqual(['43.20260115.0', '43.20260101.0']);
  });

  it('Sysroot properties: booted OS, path, idle transaction, policy', async () => {
    const props = await getAll(bus, SYSROOT, SYSROOT_IFACE);
    expect({
      Booted: props.Booted!.value,
      Path: props.Path!.value,
      ActiveTransaction: props.ActiveTransaction!.value,
      ActiveTransactionPath: props.ActiveTransactionPath!.value,
      AutomaticUpdatePolicy: props.AutomaticUpdatePolicy!.value,
      booted: (props.Deployments!.value as Dict[]).map((d) => d.booted!.value),
    }).toEqual({
      Booted: FEDORA,
      Path: layout.sysroot,
      ActiveTransaction: ['', '', ''],
      ActiveTransactionPath: '',
      AutomaticUpdatePolicy: 'none',
      booted: [true, false],
    });
  });

  it('deployment dicts have the keys and GVariant types of reference §8.1', async () => {
    const [booted, rollback] = await deployments();
    const common = {
      id: 's',
      osname: 's',
      checksum: 's',
      serial: 'i',
      booted: 'b',
      staged: 'b',
      pinned: 'b',
      unlocked: 's',
      'requested-packages': 'as',
      'requested-local-packages': 'as',
      'requested-local-fileoverride-packages': 'as',
      'requested-base-removals': 'as',
      'requested-base-local-replacements': 'as',
      'regenerate-initramfs': 'b',
      'base-commit-meta': 'a{sv}',
      version: 's',
      timestamp: 't',
      origin: 's',
      'gpg-enabled': 'b',
      packages: 'as',
      'base-removals': 'av',
      'base-local-replacements': 'a(vv)',
      'base-remote-replacements': 'a{sv}',
    };
    expect(signatures(booted!)).toEqual({
      ...common,
      'base-checksum': 's',
      'base-version': 's',
      'base-timestamp': 't',
      'layered-commit-meta': 'a{sv}',
    });
    // The older deployment tracks the same ref, whose head is newer: a pending base.
    expect(signatures(rollback!)).toEqual({
      ...common,
      'pending-base-checksum': 's',
      'pending-base-version': 's',
      'pending-base-timestamp': 't',
    });
  });

  it('deployment values match the repository as ostree reads it', async () => {
    const [booted, rollback] = await deployments();
    const head = execFileSync('ostree', ['rev-parse', `--repo=${layout.repo}`, REFSPEC], {
      encoding: 'utf8',
    }).trim();
    const layered = ostreeShow(layout.repo, booted!.checksum!.value as string);
    const base = ostreeShow(layout.repo, head);
    const old = ostreeShow(layout.repo, rollback!.checksum!.value as string);
    const v = (d: Dict, k: string) => d[k]?.value;
    expect({
      id: v(booted!, 'id'),
      origin: v(booted!, 'origin'),
      requested: v(booted!, 'requested-packages'),
      packages: v(booted!, 'packages'),
      baseChecksum: v(booted!, 'base-checksum'),
      timestamp: v(booted!, 'timestamp'),
      baseTimestamp: v(booted!, 'base-timestamp'),
      gpg: v(booted!, 'gpg-enabled'),
      unlocked: v(booted!, 'unlocked'),
      rollbackTimestamp: v(rollback!, 'timestamp'),
      pendingBase: v(rollback!, 'pending-base-checksum'),
      rollbackRequested: v(rollback!, 'requested-packages'),
    }).toEqual({
      id: `fedora-${v(booted!, 'checksum') as string}.0`,
      origin: REFSPEC,
      requested: ['htop'],
      packages: ['htop'],
      baseChecksum: layered.parent,
      timestamp: BigInt(layered.date),
      baseTimestamp: BigInt(base.date),
      gpg: false,
      unlocked: 'none',
      rollbackTimestamp: BigInt(old.date),
      pendingBase: head,
      rollbackRequested: [],
    });
    expect(layered.parent).toBe(head);
    // The package list lives in the commit but is filtered out of the dict.
    const meta = v(booted!, 'base-commit-meta') as Dict;
    expect(Object.keys(meta).sort()).toEqual([
      'ostree.bootable',
      'ostree.linux',
      'ostree.ref-binding',
      'rpmostree.inputhash',
      'rpmostree.rpmmd-repos',
      'version',
    ]);
    expect(
      execFileSync(
        'ostree',
        ['show', `--repo=${layout.repo}`, '--print-metadata-key=rpmostree.rpmdb.pkglist', head],
        { encoding: 'utf8' },
      ),
    ).toContain("'kernel-core', '0', '6.18.4'");
  });

  it('OS properties: booted, default (= booted, nothing pending) and rollback', async () => {
    const [booted, rollback] = await deployments();
    const os = await getAll(bus, FEDORA, OS_IFACE);
    const id = (d: Variant<unknown>) => (d.value as Dict).id?.value;
    expect({
      Name: os.Name!.value,
      BootedDeployment: id(os.BootedDeployment!),
      DefaultDeployment: id(os.DefaultDeployment!),
      RollbackDeployment: id(os.RollbackDeployment!),
      CachedUpdate: os.CachedUpdate!.value,
      HasCachedUpdateRpmDiff: os.HasCachedUpdateRpmDiff!.value,
    }).toEqual({
      Name: 'fedora',
      BootedDeployment: booted!.id!.value,
      DefaultDeployment: booted!.id!.value,
      RollbackDeployment: rollback!.id!.value,
      CachedUpdate: {},
      HasCachedUpdateRpmDiff: false,
    });
    expect(os.BootedDeployment!.value).toEqual(booted);
  });

  it('GetManagedObjects lists Sysroot and the OS object with their properties', async () => {
    const [objects] = (await daemonCall(
      bus,
      RPM_OSTREE.rootPath,
      'org.freedesktop.DBus.ObjectManager',
      'GetManagedObjects',
    )) as [Record<string, Record<string, Dict>>];
    expect(
      Object.fromEntries(Object.entries(objects).map(([p, i]) => [p, Object.keys(i).sort()])),
    ).toEqual({
      [SYSROOT]: [SYSROOT_IFACE],
      [FEDORA]: [OS_IFACE, `${RPM_OSTREE.interfacePrefix}.OSExperimental`],
    });
    expect(objects[FEDORA]![OS_IFACE]).toEqual(await getAll(bus, FEDORA, OS_IFACE));
  });

  it('GetOS: "" is the booted OS, names resolve, unknown names fail like rpm-ostreed', async () => {
    const getOs = (name: string) => daemonCall(bus, SYSROOT, SYSROOT_IFACE, 'GetOS', 's', [name]);
    expect(await getOs('')).toEqual([FEDORA]);
    expect(await getOs('fedora')).toEqual([FEDORA]);
    const err = await getOs('rhel').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DBusCallError);
    expect({ name: (err as DBusCallError).errorName, text: (err as DBusCallError).text }).toEqual({
      name: 'org.gtk.GDBus.UnmappedGError.Quark._g_2dio_2derror_2dquark.Code1',
      text: 'OS name "rhel" not found',
    });
  });

  it('malformed calls get the errors GDBus gives', async () => {
    const fail = (p: Promise<unknown>) =>
      p.then(
        () => null,
        (e: DBusCallError) => [e.errorName, e.text],
      );
    expect(await fail(daemonCall(bus, SYSROOT, SYSROOT_IFACE, 'GetOS', 'i', [1]))).toEqual([
      'org.freedesktop.DBus.Error.InvalidArgs',
      'Type of message, “(i)”, does not match expected type “(s)”',
    ]);
    expect(await fail(daemonCall(bus, SYSROOT, SYSROOT_IFACE, 'Upgrade'))).toEqual([
      'org.freedesktop.DBus.Error.UnknownMethod',
      'No such method “Upgrade”',
    ]);
    expect(
      await fail(
        daemonCall(bus, SYSROOT, 'org.freedesktop.DBus.Properties', 'Get', 'ss', [
          SYSROOT_IFACE,
          'Nope',
        ]),
      ),
    ).toEqual(['org.freedesktop.DBus.Error.InvalidArgs', 'No such property “Nope”']);
    expect(
      await fail(
        daemonCall(bus, '/org/projectatomic/rpmostree1/nope', OS_IFACE, 'Moo', 'b', [true]),
      ),
    ).toEqual([
      'org.freedesktop.DBus.Error.UnknownMethod',
      'Object does not exist at path “/org/projectatomic/rpmostree1/nope”',
    ]);
  });
});
