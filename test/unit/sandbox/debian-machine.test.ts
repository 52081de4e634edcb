import { describe, expect, it } from 'vitest';
import { diffPackages, evr } from '../../../sandbox/daemon/state/package-diff.ts';
import type { Pkg } from '../../../sandbox/daemon/state/package-diff.ts';
import { DEBIAN_MACHINE } from '../../../sandbox/machine/debian-machine.ts';
import { FEDORA_MACHINE } from '../../../sandbox/machine/fedora-machine.ts';
import { machineOfPackages } from '../../../sandbox/machine/machines.ts';
import { compareVersions, dpkgVerrevcmp, namingOf } from '../../../sandbox/packages/naming.ts';
import { matchSubject } from '../../../sandbox/packages/subject.ts';
import { parsePackageArg } from '../../../sandbox/remote/package-args.ts';
import { kernelRelease, nevra } from '../../../sandbox/seed/packages.ts';

const v = (text: string) => {
  const colon = text.indexOf(':');
  const rest = colon < 0 ? text : text.slice(colon + 1);
  const dash = rest.lastIndexOf('-');
  return {
    epoch: colon < 0 ? 0 : Number(text.slice(0, colon)),
    version: dash < 0 ? rest : rest.slice(0, dash),
    release: dash < 0 ? '' : rest.slice(dash + 1),
  };
};
const dpkg = (a: string, b: string) => compareVersions('deb', v(a), v(b));

describe('Debian versions order as dpkg orders them', () => {
  it('verrevcmp: ~ before the end, letters before other characters, numbers numerically', () => {
    expect(dpkgVerrevcmp('1.0~rc1', '1.0')).toBe(-1);
    expect(dpkgVerrevcmp('1.0', '1.0+b1')).toBe(-1);
    expect(dpkgVerrevcmp('1.0a', '1.0+')).toBe(-1);
    expect(dpkgVerrevcmp('1.10', '1.9')).toBe(1);
    expect(dpkgVerrevcmp('001', '1')).toBe(0);
    expect(dpkgVerrevcmp('', '~')).toBe(1);
  });

  it('epoch, then upstream version, then revision', () => {
    expect(dpkg('5.2.15-2+b7', '5.2.15-2+b8')).toBe(-1);
    expect(dpkg('1.14.10-1~deb12u1', '1.14.10-1')).toBe(-1);
    expect(dpkg('12.4+deb12u8', '12.4+deb12u9')).toBe(-1);
    expect(dpkg('1:9.2p1-2+deb12u3', '9.9-1')).toBe(1);
    expect(dpkg('2.1.12-stable-8', '2.1.12-stable-8')).toBe(0);
    expect(dpkg('128.6.0esr-1~deb12u1', '128.5.1esr-1~deb12u1')).toBe(1);
  });
});

describe('the Debian machine’s packages', () => {
  const newer = DEBIAN_MACHINE.composes[1].packages;

  it('are Debian packages by their architecture, written name_version_arch', () => {
    const ssh = newer.find((p) => p.name === 'openssh-client')!;
    expect({ naming: namingOf(ssh.arch), id: nevra(ssh) }).toEqual({
      naming: 'deb',
      id: 'openssh-client_1:9.2p1-2+deb12u3_amd64',
    });
    expect(nevra(newer.find((p) => p.name === 'apt')!)).toBe('apt_2.6.1_amd64');
    expect(machineOfPackages(newer)).toBe(DEBIAN_MACHINE);
    expect(machineOfPackages(FEDORA_MACHINE.composes[0].packages)).toBe(FEDORA_MACHINE);
  });

  it('boot the kernel their linux-image package names', () => {
    expect(kernelRelease(DEBIAN_MACHINE.composes[0].packages)).toBe('6.1.0-28-amd64');
    expect(kernelRelease(newer)).toBe('6.1.0-29-amd64');
    expect(kernelRelease(FEDORA_MACHINE.composes[1].packages)).toBe('6.18.4-200.fc43.x86_64');
  });

  it('diff with Debian versions: the ABI bump adds and removes kernel packages', () => {
    const rows = (list: typeof newer): Pkg[] => list.map((p) => ({ ...p, epoch: String(p.epoch) }));
    const diff = diffPackages(rows(DEBIAN_MACHINE.composes[0].packages), rows(newer));
    expect({
      added: diff.added.map((p) => `${p.name} ${evr(p)}`),
      removed: diff.removed.map((p) => p.name),
      upgraded: diff.upgraded.map(([o, n]) => `${n.name} ${evr(o)} → ${evr(n)}`),
      downgraded: diff.downgraded.length,
    }).toEqual({
      added: ['linux-image-6.1.0-29-amd64 6.1.123-1'],
      removed: ['gnome-tour', 'linux-image-6.1.0-28-amd64'],
      upgraded: [
        'base-files 12.4+deb12u8 → 12.4+deb12u9',
        'curl 7.88.1-10+deb12u8 → 7.88.1-10+deb12u12',
        'firefox-esr 128.5.1esr-1~deb12u1 → 128.6.0esr-1~deb12u1',
        'libc-bin 2.36-9+deb12u9 → 2.36-9+deb12u10',
        'libc6 2.36-9+deb12u9 → 2.36-9+deb12u10',
        'libsystemd0 252.31-1~deb12u1 → 252.33-1~deb12u1',
        'linux-image-amd64 6.1.119-1 → 6.1.123-1',
        'systemd 252.31-1~deb12u1 → 252.33-1~deb12u1',
        'tzdata 2024a-0+deb12u1 → 2024b-0+deb12u1',
      ],
      downgraded: 0,
    });
  });

  it('are asked for as apt takes them: name, name=version, name:arch', () => {
    const all = DEBIAN_MACHINE.universe.repoPackages();
    const ids = (subject: string) => matchSubject(subject, all).map(nevra);
    expect(ids('vim')).toEqual(['vim_2:9.0.1378-2_amd64']);
    expect(ids('vim=2:9.0.1378-2')).toEqual(['vim_2:9.0.1378-2_amd64']);
    expect(ids('cowsay:all')).toEqual(['cowsay_3.03+dfsg2-8_all']);
    expect(ids('/usr/bin/tmux')).toEqual(['tmux_3.3a-3_amd64']);
    expect(ids('perl-base >= 5.36.0')).toEqual(['perl-base_5.36.0-7+deb12u1_amd64']);
  });

  it('publish takes NAME[:ARCH]=VERSION on Debian and NEVRAs on Fedora', () => {
    const { universe } = DEBIAN_MACHINE;
    expect(parsePackageArg(universe, 'openssh-client=1:9.2p1-2+deb12u4')).toMatchObject({
      name: 'openssh-client',
      epoch: 1,
      version: '9.2p1',
      release: '2+deb12u4',
      arch: 'amd64',
      summary: 'secure shell (SSH) client, for secure access to remote machines',
    });
    expect(parsePackageArg(universe, 'cowsay=3.03+dfsg2-9')).toMatchObject({ arch: 'all' });
    expect(parsePackageArg(universe, 'hello:arm64=2.10-3')).toMatchObject({
      name: 'hello',
      arch: 'arm64',
    });
    expect(parsePackageArg(FEDORA_MACHINE.universe, 'cowsay-3.8.4-1.fc43.noarch')).toMatchObject({
      name: 'cowsay',
      version: '3.8.4',
      release: '1.fc43',
      arch: 'noarch',
    });
  });

  it('list the Debian repositories', () => {
    expect(DEBIAN_MACHINE.universe.repos.map((r) => r.id)).toEqual(['debian', 'debian-security']);
    const repos = new Set(DEBIAN_MACHINE.universe.repoPackages().map((p) => p.repo));
    expect([...repos].sort()).toEqual(['debian', 'debian-security']);
  });
});
