import { Variant } from 'dbus-next';
import { describe, expect, it } from 'vitest';
import { DAEMON_CONFIG_PATHS } from '../../../daemon-bridge/helper/helper-config.ts';
import { parseCachedUpdate } from '../../../daemon-bridge/rpm-ostree/parse-cached-update.ts';
import {
  APT_OSTREE,
  interfaces,
  member,
  osObjectPath,
  packageId,
  packageRequest,
  packageVersion,
  PROFILES,
  RPM_NAMED_MEMBERS,
  RPM_OSTREE,
  splitPackageVersion,
} from '../../../daemon-bridge/rpm-ostree/profile.ts';

describe('the profile table', () => {
  it('holds everything that differs between rpm-ostree and apt-ostree', () => {
    const { renames: _r, ...apt } = APT_OSTREE;
    const { renames: _s, ...rpm } = RPM_OSTREE;
    expect({ rpm, apt }).toEqual({
      rpm: {
        flavour: 'rpm-ostree',
        busName: 'org.projectatomic.rpmostree1',
        rootPath: '/org/projectatomic/rpmostree1',
        sysrootPath: '/org/projectatomic/rpmostree1/Sysroot',
        osPathBase: '/org/projectatomic/rpmostree1',
        interfacePrefix: 'org.projectatomic.rpmostree1',
        configPath: '/etc/rpm-ostreed.conf',
        cliName: 'rpm-ostree',
        errorDomain: 'org.projectatomic.rpmostreed.Error',
        packageNaming: 'rpm',
      },
      apt: {
        flavour: 'apt-ostree',
        busName: 'org.projectatomic.aptostree1',
        rootPath: '/org/projectatomic/aptostree1',
        sysrootPath: '/org/projectatomic/aptostree1/Sysroot',
        osPathBase: '/org/projectatomic/aptostree1/OS',
        interfacePrefix: 'org.projectatomic.aptostree1',
        configPath: '/etc/apt-ostreed/apt-ostreed.conf',
        cliName: 'apt-ostree',
        errorDomain: 'org.projectatomic.aptostreed.Error',
        packageNaming: 'deb',
      },
    });
    expect(PROFILES).toEqual({ 'rpm-ostree': RPM_OSTREE, 'apt-ostree': APT_OSTREE });
  });

  it('agrees with the helper on each daemon’s config file', () => {
    for (const profile of Object.values(PROFILES))
      expect(profile.configPath).toBe(DAEMON_CONFIG_PATHS[profile.flavour]);
  });

  it('builds interface names and OS object paths (apt-ostree’s under OS/, as its plan serves them)', () => {
    expect(interfaces(APT_OSTREE)).toEqual({
      sysroot: 'org.projectatomic.aptostree1.Sysroot',
      os: 'org.projectatomic.aptostree1.OS',
      osExperimental: 'org.projectatomic.aptostree1.OSExperimental',
      transaction: 'org.projectatomic.aptostree1.Transaction',
    });
    expect(osObjectPath(RPM_OSTREE, 'fedora')).toBe('/org/projectatomic/rpmostree1/fedora');
    expect(osObjectPath(RPM_OSTREE, 'fedora-coreos')).toBe(
      '/org/projectatomic/rpmostree1/fedora_coreos',
    );
    expect(osObjectPath(APT_OSTREE, 'debian')).toBe('/org/projectatomic/aptostree1/OS/debian');
    expect(osObjectPath(APT_OSTREE, 'my.os')).toBe('/org/projectatomic/aptostree1/OS/my_2Eos');
  });
});

describe('member(): the one rename function', () => {
  it('renames every Rpm-named member and key for apt-ostree, and nothing for rpm-ostree', () => {
    expect(Object.fromEntries(RPM_NAMED_MEMBERS.map((n) => [n, member(APT_OSTREE, n)]))).toEqual({
      GetDeploymentsRpmDiff: 'GetDeploymentsAptDiff',
      GetCachedUpdateRpmDiff: 'GetCachedUpdateAptDiff',
      DownloadUpdateRpmDiff: 'DownloadUpdateAptDiff',
      GetCachedDeployRpmDiff: 'GetCachedDeployAptDiff',
      DownloadDeployRpmDiff: 'DownloadDeployAptDiff',
      GetCachedRebaseRpmDiff: 'GetCachedRebaseAptDiff',
      DownloadRebaseRpmDiff: 'DownloadRebaseAptDiff',
      HasCachedUpdateRpmDiff: 'HasCachedUpdateAptDiff',
      'rpm-diff': 'apt-diff',
    });
    for (const name of RPM_NAMED_MEMBERS) expect(member(RPM_OSTREE, name)).toBe(name);
  });

  it('leaves names nobody renames alone, including inherited object keys', () => {
    for (const name of ['Upgrade', 'CachedUpdate', 'advisories', 'toString', 'constructor'])
      expect(member(APT_OSTREE, name)).toBe(name);
  });

  it('leaves no "rpm" in what apt-ostree serves', () => {
    for (const name of RPM_NAMED_MEMBERS) expect(member(APT_OSTREE, name)).not.toMatch(/rpm/i);
  });
});

describe('package naming', () => {
  const bash = { name: 'bash', epoch: 0, version: '5.2.15', release: '2+b7', arch: 'amd64' };
  const ssh = { name: 'openssh-client', epoch: 1, version: '9.2p1', release: '2+deb12u3' };
  const apt = { name: 'apt', epoch: '0', version: '2.6.1', release: '', arch: 'amd64' };
  const firefox = {
    name: 'firefox',
    epoch: 0,
    version: '147.0',
    release: '1.fc43',
    arch: 'x86_64',
  };

  it('writes RPM NEVRAs and Debian name_version_arch', () => {
    expect(packageId('rpm', firefox)).toBe('firefox-147.0-1.fc43.x86_64');
    expect(packageId('rpm', { ...firefox, epoch: 2 })).toBe('firefox-2:147.0-1.fc43.x86_64');
    expect(packageId('deb', bash)).toBe('bash_5.2.15-2+b7_amd64');
    expect(packageId('deb', { ...ssh, arch: 'amd64' })).toBe(
      'openssh-client_1:9.2p1-2+deb12u3_amd64',
    );
    expect(packageId('deb', apt)).toBe('apt_2.6.1_amd64');
  });

  it('writes versions and requests as each distribution does', () => {
    expect(packageVersion('deb', ssh)).toBe('1:9.2p1-2+deb12u3');
    expect(packageVersion('deb', apt)).toBe('2.6.1');
    expect(packageVersion('rpm', firefox)).toBe('147.0-1.fc43');
    expect(packageRequest('deb', 'bash', '5.2.15-2+b7')).toBe('bash=5.2.15-2+b7');
    expect(packageRequest('rpm', 'firefox', '147.0-1.fc43')).toBe('firefox-147.0-1.fc43');
  });

  it('maps a Debian version onto the (epoch, version, release) tuple', () => {
    expect(splitPackageVersion('1:9.2p1-2+deb12u3')).toEqual({
      epoch: 1,
      version: '9.2p1',
      release: '2+deb12u3',
    });
    expect(splitPackageVersion('2.1.12-stable-8')).toEqual({
      epoch: 0,
      version: '2.1.12-stable',
      release: '8',
    });
    expect(splitPackageVersion('12.4+deb12u8')).toEqual({
      epoch: 0,
      version: '12.4+deb12u8',
      release: '',
    });
    expect(splitPackageVersion('2:9.1.1882-1.fc43')).toEqual({
      epoch: 2,
      version: '9.1.1882',
      release: '1.fc43',
    });
  });
});

describe('parseCachedUpdate per profile', () => {
  const diff = new Variant('a{sv}', {
    upgraded: new Variant('a(us(ss)(ss))', [
      [0, 'bash', ['5.2.15-2+b7', 'amd64'], ['5.2.15-2+b8', 'amd64']],
    ]),
    added: new Variant('a(usss)', [[0, 'cowsay', '3.03+dfsg2-8', 'all']]),
  });
  const cached = (key: string) => ({
    osname: new Variant('s', 'debian'),
    checksum: new Variant('s', 'a'.repeat(64)),
    origin: new Variant('s', 'debian:debian/12/x86_64/desktop'),
    [key]: diff,
  });

  it('reads the diff under apt-ostree’s `apt-diff`, not under `rpm-diff`', () => {
    const changes = (key: string) =>
      parseCachedUpdate(cached(key), 'OS.CachedUpdate', APT_OSTREE)!.changes;
    expect(changes('apt-diff')).toEqual([
      {
        name: 'cowsay',
        kind: 'added',
        previous: null,
        next: { evr: '3.03+dfsg2-8', arch: 'all' },
        layered: false,
      },
      {
        name: 'bash',
        kind: 'upgraded',
        previous: { evr: '5.2.15-2+b7', arch: 'amd64' },
        next: { evr: '5.2.15-2+b8', arch: 'amd64' },
        layered: false,
      },
    ]);
    expect(changes('rpm-diff')).toEqual([]);
    expect(parseCachedUpdate(cached('rpm-diff'))!.changes).toHaveLength(2);
  });
});
