import { describe, expect, it } from 'vitest';
import { setKeyfileValue } from '../../../daemon-bridge/helper/keyfile-edit.ts';
import { withAutomaticUpdatePolicy } from '../../../daemon-bridge/helper/update-policy.ts';
import { KeyFile } from '../../../sandbox/sysroot/keyfile.ts';

/** The file rpm-ostree ships (and the sandbox seeds). */
const SHIPPED = '[Daemon]\n#AutomaticUpdatePolicy=none\n#IdleExitTimeout=60\n';

describe('withAutomaticUpdatePolicy (text → text)', () => {
  it.each([
    [
      'the shipped file: after the commented-out example',
      SHIPPED,
      'stage',
      '[Daemon]\n#AutomaticUpdatePolicy=none\nAutomaticUpdatePolicy=stage\n#IdleExitTimeout=60\n',
    ],
    [
      'an existing key: rewritten in place, spacing kept',
      '# managed\n[Daemon]\nIdleExitTimeout=30\nAutomaticUpdatePolicy = check  \nLockLayering=true\n',
      'none',
      '# managed\n[Daemon]\nIdleExitTimeout=30\nAutomaticUpdatePolicy = none\nLockLayering=true\n',
    ],
    [
      'a repeated key: the last one (the one GLib reads) changes',
      '[Daemon]\nAutomaticUpdatePolicy=none\nAutomaticUpdatePolicy=check\n',
      'stage',
      '[Daemon]\nAutomaticUpdatePolicy=none\nAutomaticUpdatePolicy=stage\n',
    ],
    [
      'the key in another group only: untouched, added to [Daemon]',
      '[Experimental]\nAutomaticUpdatePolicy=apply\n\n[Daemon]\nIdleExitTimeout=60\n\n# trailing comment\n',
      'check',
      '[Experimental]\nAutomaticUpdatePolicy=apply\n\n[Daemon]\nIdleExitTimeout=60\nAutomaticUpdatePolicy=check\n\n# trailing comment\n',
    ],
    [
      'no key and no example: after the last key, before the next group',
      '[Daemon]\nIdleExitTimeout=60\n# about the next group\n[Other]\nx=1\n',
      'stage',
      '[Daemon]\nIdleExitTimeout=60\nAutomaticUpdatePolicy=stage\n# about the next group\n[Other]\nx=1\n',
    ],
    [
      'an empty group: right under its header',
      '[Daemon]\n[Other]\nx=1\n',
      'stage',
      '[Daemon]\nAutomaticUpdatePolicy=stage\n[Other]\nx=1\n',
    ],
    [
      'no [Daemon] group: appended after a blank line',
      '# rpm-ostreed\n[Other]\nx=1\n',
      'check',
      '# rpm-ostreed\n[Other]\nx=1\n\n[Daemon]\nAutomaticUpdatePolicy=check\n',
    ],
    [
      'no final newline, key rewritten: still none',
      '[Daemon]\nAutomaticUpdatePolicy=none',
      'stage',
      '[Daemon]\nAutomaticUpdatePolicy=stage',
    ],
    [
      'no final newline, key appended: one added',
      '[Daemon]\nIdleExitTimeout=60',
      'stage',
      '[Daemon]\nIdleExitTimeout=60\nAutomaticUpdatePolicy=stage\n',
    ],
    ['an empty file', '', 'none', '[Daemon]\nAutomaticUpdatePolicy=none\n'],
    [
      'CRLF line endings kept',
      '[Daemon]\r\n#AutomaticUpdatePolicy=none\r\nIdleExitTimeout=60\r\n',
      'stage',
      '[Daemon]\r\n#AutomaticUpdatePolicy=none\r\nAutomaticUpdatePolicy=stage\r\nIdleExitTimeout=60\r\n',
    ],
    [
      'a header with blanks and a localised key',
      ' [Daemon]  \nAutomaticUpdatePolicy[de]=keine\n',
      'check',
      ' [Daemon]  \nAutomaticUpdatePolicy[de]=keine\nAutomaticUpdatePolicy=check\n',
    ],
    [
      'a repeated group: the key is found in the first one',
      '[Daemon]\nAutomaticUpdatePolicy=none\n[Other]\n[Daemon]\nIdleExitTimeout=1\n',
      'stage',
      '[Daemon]\nAutomaticUpdatePolicy=stage\n[Other]\n[Daemon]\nIdleExitTimeout=1\n',
    ],
  ])('%s', (_what, before, policy, after) => {
    const edited = withAutomaticUpdatePolicy(before, policy as 'none' | 'check' | 'stage');
    expect(edited).toBe(after);
    // What the daemon (GLib rules, as the sandbox reads them) will see.
    expect(
      KeyFile.parse(edited.replace(/\r/g, '')).string('Daemon', 'AutomaticUpdatePolicy')?.trim(),
    ).toBe(policy);
  });

  it('changes exactly one line of the shipped file, and nothing on a second run', () => {
    const once = withAutomaticUpdatePolicy(SHIPPED, 'stage');
    expect(withAutomaticUpdatePolicy(once, 'stage')).toBe(once);
    const lines = once.split('\n');
    expect(lines.filter((l) => !SHIPPED.split('\n').includes(l))).toEqual([
      'AutomaticUpdatePolicy=stage',
    ]);
  });

  it('refuses names and values that could add a line or a group', () => {
    expect(() =>
      setKeyfileValue(SHIPPED, 'Daemon', 'AutomaticUpdatePolicy', 'stage\nLockLayering=true'),
    ).toThrow();
    expect(() => setKeyfileValue(SHIPPED, 'Daemon', 'AutomaticUpdatePolicy', ' stage')).toThrow();
    expect(() => setKeyfileValue(SHIPPED, 'Daemon]\n[X', 'A', 'b')).toThrow();
    expect(() => setKeyfileValue(SHIPPED, 'Daemon', 'A=b', 'c')).toThrow();
  });
});
