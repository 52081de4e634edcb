import { describe, expect, it } from 'vitest';
import { packageSpecProblem, searchTerms } from '../../../daemon-bridge/contract/packages.ts';
import {
  overrideCommandLine,
  packageChangeCommandLine,
  resetCommandLine,
  shellWord,
} from '../../../daemon-bridge/contract/command-lines.ts';

describe('packageSpecProblem', () => {
  it.each([
    ['htop', null],
    ['vim-enhanced-2:9.1.1882-1.fc43.x86_64', null],
    ['libstdc++', null],
    ['python3.12', null],
    ['', 'empty'],
    ['ht op', 'space'],
    ['htop\n', 'space'],
    ['--allow-inactive', 'option-like'],
    ['htop;reboot', 'characters'],
    ['../etc/passwd', 'characters'],
    ['x'.repeat(129), 'too-long'],
  ])('%j → %s', (spec, problem) => {
    expect(packageSpecProblem(spec)).toBe(problem);
  });
});

describe('command lines', () => {
  it('say what the CLI would run', () => {
    expect(searchTerms('  text   editor ')).toEqual(['text', 'editor']);
    expect(packageChangeCommandLine({ add: ['htop', 'tmux'], remove: [] })).toBe(
      'rpm-ostree install htop tmux',
    );
    expect(packageChangeCommandLine({ add: [], remove: ['htop'] })).toBe(
      'rpm-ostree uninstall htop',
    );
    expect(packageChangeCommandLine({ add: ['zsh'], remove: ['fish'] })).toBe(
      'rpm-ostree install zsh --uninstall=fish',
    );
    expect(overrideCommandLine({ remove: ['gnome-tour'], reset: [] })).toBe(
      'rpm-ostree override remove gnome-tour',
    );
    expect(overrideCommandLine({ remove: ['a'], reset: ['b'] })).toBe(
      'rpm-ostree override remove a && rpm-ostree override reset b',
    );
    expect(resetCommandLine({ layering: true, overrides: true })).toBe(
      'rpm-ostree reset --overlays --overrides',
    );
    expect(shellWord("it's")).toBe(`'it'\\''s'`);
  });
});
