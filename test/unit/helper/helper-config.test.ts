import { describe, expect, it } from 'vitest';
import { helperConfig } from '../../../daemon-bridge/helper/helper-config.ts';
import {
  helperLaunchFor,
  INSTALLED_HELPER_PATH,
  sandboxHelperLaunch,
  systemHelperLaunch,
} from '../../../daemon-bridge/helper/helper-launch.ts';
import { helperSourceProgram } from '../../../daemon-bridge/helper/helper-source.ts';
import { LineSplitter } from '../../../daemon-bridge/helper/line-splitter.ts';
import { RPM_OSTREE, PROFILES } from '../../../daemon-bridge/rpm-ostree/profile.ts';

describe('helperConfig', () => {
  it('uses the fixed production paths when nothing overrides them (as behind pkexec)', () => {
    expect(helperConfig({ PATH: '/usr/bin', HOME: '/root' })).toEqual({
      sysroot: '/',
      daemonConfig: '/etc/rpm-ostreed.conf',
      profile: RPM_OSTREE,
      overridden: false,
    });
  });

  it('takes the OSTREE_UM_HELPER_* overrides, and only absolute paths and known flavours', () => {
    expect(
      helperConfig({
        OSTREE_UM_HELPER_SYSROOT: '/tmp/sbx/sysroot/',
        OSTREE_UM_HELPER_DAEMON_CONFIG: '/tmp/sbx/etc/../etc/rpm-ostreed.conf',
        OSTREE_UM_HELPER_FLAVOUR: 'apt-ostree',
      }),
    ).toEqual({
      sysroot: '/tmp/sbx/sysroot/',
      daemonConfig: '/tmp/sbx/etc/rpm-ostreed.conf',
      profile: PROFILES['apt-ostree'],
      overridden: true,
    });
    expect(helperConfig({ OSTREE_UM_HELPER_FLAVOUR: 'apt-ostree' }).daemonConfig).toBe(
      '/etc/apt-ostreed/apt-ostreed.conf',
    );
    expect(() => helperConfig({ OSTREE_UM_HELPER_SYSROOT: 'sysroot' })).toThrow(/absolute/);
    expect(() => helperConfig({ OSTREE_UM_HELPER_SYSROOT: '/x\n' })).toThrow(/absolute/);
    expect(() => helperConfig({ OSTREE_UM_HELPER_FLAVOUR: 'dnf' })).toThrow(
      /rpm-ostree or apt-ostree/,
    );
  });
});

describe('helper launch', () => {
  it('goes through pkexec to the installed helper on a real system', () => {
    expect(systemHelperLaunch()).toEqual({ command: 'pkexec', args: [INSTALLED_HELPER_PATH] });
    expect(helperLaunchFor({ kind: 'system' }, 'unix:path=/x', ['node', 'h.cjs'])).toEqual(
      systemHelperLaunch(),
    );
  });

  it('runs the helper directly in the sandbox, pointed at the sandbox machine and bus', () => {
    const program = helperSourceProgram();
    expect(program[0]).toBe(process.execPath);
    expect(program.at(-1)).toMatch(/daemon-bridge\/helper\/helper-main\.ts$/);
    const launch = sandboxHelperLaunch({
      dir: '/data/sandbox',
      busAddress: 'unix:path=/data/sandbox/run/bus.sock',
      program,
    });
    expect(launch).toEqual({
      command: process.execPath,
      args: program.slice(1),
      env: {
        ELECTRON_RUN_AS_NODE: '1',
        DBUS_SYSTEM_BUS_ADDRESS: 'unix:path=/data/sandbox/run/bus.sock',
        OSTREE_UM_HELPER_SYSROOT: '/data/sandbox/sysroot',
        OSTREE_UM_HELPER_DAEMON_CONFIG: '/data/sandbox/etc/rpm-ostreed.conf',
        OSTREE_UM_HELPER_FLAVOUR: 'rpm-ostree',
      },
    });
    expect(
      helperLaunchFor(
        { kind: 'sandbox', dir: '/data/sandbox', reason: 'requested' },
        'unix:path=/b',
        program,
      ).command,
    ).not.toBe('pkexec');
  });
});

describe('LineSplitter', () => {
  it('splits across chunks, strips CR, and reports an overlong line once', () => {
    const s = new LineSplitter(8);
    expect(s.push(Buffer.from('ab'))).toEqual([]);
    expect(s.push(Buffer.from('c\r\nde\n'))).toEqual([
      { kind: 'line', line: 'abc' },
      { kind: 'line', line: 'de' },
    ]);
    expect(s.push(Buffer.from('123456'))).toEqual([]);
    expect(s.push(Buffer.from('789'))).toEqual([]);
    expect(s.push(Buffer.from('0\nok\n'))).toEqual([
      { kind: 'too-long', bytes: 10 },
      { kind: 'line', line: 'ok' },
    ]);
    expect(s.push(Buffer.from('tail'))).toEqual([]);
    expect(s.end()).toEqual([{ kind: 'line', line: 'tail' }]);
  });

  it('keeps a multi-byte character split between chunks whole', () => {
    const s = new LineSplitter(64);
    const bytes = Buffer.from('héllo\n');
    expect([...s.push(bytes.subarray(0, 2)), ...s.push(bytes.subarray(2))]).toEqual([
      { kind: 'line', line: 'héllo' },
    ]);
  });
});
