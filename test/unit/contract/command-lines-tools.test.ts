import { describe, expect, it } from 'vitest';
import {
  APT_OSTREE_CLI,
  cleanupCommandLine,
  commandLines,
  commandLinesFor,
  commandLineTools,
  compareCommandLine,
  deployCommandLine,
  kernelArgsCommandLine,
  overrideCommandLine,
  packageChangeCommandLine,
  resetCommandLine,
  searchCommandLine,
} from '../../../daemon-bridge/contract/command-lines.ts';
import { PROFILES } from '../../../daemon-bridge/rpm-ostree/profile.ts';

describe('command lines follow the daemon’s tool', () => {
  it('name the same tool as the profile of each flavour, and apt-layer its own script', () => {
    for (const flavour of Object.keys(PROFILES) as (keyof typeof PROFILES)[])
      expect(commandLineTools[flavour].name).toBe(PROFILES[flavour].cliName);
    expect(commandLineTools['apt-layer'].name).toBe('apt-layer');
  });

  it('rpm-ostree stays the default', () => {
    expect(commandLines).toEqual(commandLinesFor(commandLineTools['rpm-ostree']));
    expect(commandLines.stage).toBe('rpm-ostree upgrade');
    expect(packageChangeCommandLine({ add: [], remove: ['htop'] })).toBe(
      'rpm-ostree uninstall htop',
    );
  });

  it('apt-ostree: the same commands with its name, `remove` for uninstall', () => {
    const apt = APT_OSTREE_CLI;
    expect(commandLinesFor(apt)).toEqual({
      check: 'apt-ostree upgrade --check',
      preview: 'apt-ostree upgrade --preview',
      stage: 'apt-ostree upgrade',
      cancel: 'apt-ostree cancel',
      reboot: 'systemctl reboot',
      rollback: 'apt-ostree rollback',
      undoRollback: 'apt-ostree rollback',
    });
    expect([
      cleanupCommandLine(['pending-deploy'], apt),
      deployCommandLine('12.20260301.0', apt),
      compareCommandLine('a', 'b', apt),
      searchCommandLine(['vim'], apt),
      packageChangeCommandLine({ add: [], remove: ['htop'] }, apt),
      packageChangeCommandLine({ add: ['cowsay'], remove: ['htop'] }, apt),
      overrideCommandLine({ remove: ['zstd'], reset: [] }, apt),
      resetCommandLine({ layering: true, overrides: false }, apt),
      kernelArgsCommandLine({ added: ['quiet'], replaced: [], removed: [] }, apt),
    ]).toEqual([
      'apt-ostree cleanup -p',
      'apt-ostree deploy 12.20260301.0',
      'apt-ostree db diff a b',
      'apt-ostree search vim',
      'apt-ostree remove htop',
      'apt-ostree install cowsay --uninstall=htop',
      'apt-ostree override remove zstd',
      'apt-ostree reset --overlays',
      'apt-ostree kargs --append=quiet',
    ]);
  });
});
