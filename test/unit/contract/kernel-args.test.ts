import { describe, expect, it } from 'vitest';
import {
  kernelArgProblem,
  planKernelArgs,
  splitKernelArgs,
} from '../../../daemon-bridge/contract/kernel-args.ts';
import type { KernelArgsChange } from '../../../daemon-bridge/contract/kernel-args.ts';
import { kernelArgsCommandLine } from '../../../daemon-bridge/contract/command-lines.ts';

const SILVERBLUE =
  'root=UUID=6d0f root=UUID=6d0f rootflags=subvol=root rw rhgb quiet ostree=/ostree/boot.1/fedora/abc/0';
const EXISTING =
  'rhgb quiet console=tty0 console=ttyS0,115200 mitigations=auto ostree=/ostree/boot.1/fedora/abc/0';

const change = (c: Partial<KernelArgsChange>): KernelArgsChange => ({
  added: [],
  replaced: [],
  removed: [],
  ...c,
});

describe('splitKernelArgs', () => {
  it('splits at spaces outside double quotes, as libostree does', () => {
    expect(splitKernelArgs('  a  b="x y" c ')).toEqual(['a', 'b="x y"', 'c']);
    expect(splitKernelArgs(SILVERBLUE)).toHaveLength(7);
  });
});

describe('kernelArgProblem', () => {
  it.each([
    ['quiet', null],
    ['nvidia-drm.modeset=1', null],
    ['console=', null],
    ['dyndbg="file drivers/usb/* +p"', null],
    ['', 'empty'],
    ['quiet\nsingle', 'control-character'],
    ['quiet\t', 'control-character'],
    ['a=1 b=2', 'space'],
    [' quiet', 'space'],
    ['dyndbg="unterminated', 'unbalanced-quote'],
    ['--reboot', 'bad-key'],
    ['=value', 'bad-key'],
    ['a;b', 'bad-key'],
    ['ostree=/ostree/boot.0/x', 'managed'],
    ['BOOT_IMAGE=/vmlinuz', 'managed'],
    ['x'.repeat(513), 'too-long'],
  ])('%j → %s', (arg, problem) => {
    expect(kernelArgProblem(arg)).toBe(problem);
  });
});

describe('planKernelArgs (libostree semantics)', () => {
  it('deletes, then replaces, then appends', () => {
    const plan = planKernelArgs(
      EXISTING,
      change({ removed: ['rhgb'], replaced: ['mitigations=off'], added: ['nvidia-drm.modeset=1'] }),
    );
    expect(plan).toEqual({
      ok: true,
      args: [
        'quiet',
        'console=tty0',
        'console=ttyS0,115200',
        'mitigations=off',
        'ostree=/ostree/boot.1/fedora/abc/0',
        'nvidia-drm.modeset=1',
      ],
    });
  });

  it('replaces one of several values only with KEY=OLD=NEW', () => {
    expect(planKernelArgs(EXISTING, change({ replaced: ['console=ttyS1'] }))).toEqual({
      ok: false,
      problem: { kind: 'ambiguous', key: 'console' },
    });
    const plan = planKernelArgs(EXISTING, change({ replaced: ['console=tty0=tty1'] }));
    expect(plan.ok && plan.args).toContain('console=tty1');
  });

  it('deletes one of several values only by KEY=VALUE', () => {
    expect(planKernelArgs(EXISTING, change({ removed: ['console'] }))).toEqual({
      ok: false,
      problem: { kind: 'ambiguous', key: 'console' },
    });
    const plan = planKernelArgs(EXISTING, change({ removed: ['console=tty0'] }));
    expect(plan.ok && plan.args.filter((a) => a.startsWith('console'))).toEqual([
      'console=ttyS0,115200',
    ]);
  });

  it('refuses what the daemon would refuse and what would change nothing', () => {
    expect(planKernelArgs(EXISTING, change({ removed: ['nomodeset'] }))).toEqual({
      ok: false,
      problem: { kind: 'not-present', arg: 'nomodeset' },
    });
    expect(planKernelArgs(EXISTING, change({ removed: ['mitigations=off'] }))).toEqual({
      ok: false,
      problem: { kind: 'not-present', arg: 'mitigations=off' },
    });
    expect(planKernelArgs(EXISTING, change({ replaced: ['splash=1'] }))).toEqual({
      ok: false,
      problem: { kind: 'not-present', arg: 'splash' },
    });
    expect(planKernelArgs(EXISTING, change({ added: ['quiet'] }))).toEqual({
      ok: false,
      problem: { kind: 'duplicate', arg: 'quiet' },
    });
    expect(planKernelArgs(EXISTING, change({}))).toEqual({
      ok: false,
      problem: { kind: 'no-change' },
    });
    expect(planKernelArgs(EXISTING, change({ added: ['a\nb'] }))).toEqual({
      ok: false,
      problem: { kind: 'argument', arg: 'a\nb', problem: 'control-character' },
    });
  });

  it('refuses a command line the kernel would truncate', () => {
    const added = Array.from({ length: 5 }, (_, i) => `k${i}=${'v'.repeat(500)}`);
    const plan = planKernelArgs(EXISTING, change({ added }));
    expect(plan.ok).toBe(false);
    expect(!plan.ok && plan.problem.kind).toBe('line-too-long');
  });
});

describe('kernelArgsCommandLine', () => {
  it('orders options as the daemon applies them and quotes what a shell would split', () => {
    expect(
      kernelArgsCommandLine(
        change({ added: ['dyndbg="file x +p"'], replaced: ['mitigations=off'], removed: ['rhgb'] }),
      ),
    ).toBe(
      `rpm-ostree kargs --delete=rhgb --replace=mitigations=off --append='dyndbg="file x +p"'`,
    );
  });
});
