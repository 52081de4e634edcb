import { describe, expect, it } from 'vitest';
import type { PinParams } from '../../../daemon-bridge/contract/helper-protocol.ts';
import { ostreeErrorText } from '../../../daemon-bridge/helper/ostree-run.ts';
import type { OstreeOutcome } from '../../../daemon-bridge/helper/ostree-run.ts';
import { pinDeployment } from '../../../daemon-bridge/helper/pin-deployment.ts';

const A = '0c64c6d18902d2b8d7790fa37adaee23d8eaeaac0947b1593348ac37448ea1b0';
const B = 'c7053928b302c7e4fc286eab370135d3636d489a93833c7dbb7b0673ab4cf808';
const status = (pinnedB: boolean, first = A) =>
  `  fedora ${first}.0\n    Version: 2\n  fedora ${B}.0 (rollback)\n${pinnedB ? '    Pinned: yes\n' : ''}`;

/** A scripted ostree: answers each call in turn and records the argv it got. */
function fakeOstree(answers: readonly OstreeOutcome[]) {
  const calls: (readonly string[])[] = [];
  let next = 0;
  const run = (args: readonly string[]) => {
    calls.push(args);
    const answer = answers[next++];
    if (!answer) throw new Error(`unexpected ostree call ${args.join(' ')}`);
    return Promise.resolve(answer);
  };
  return { run, calls };
}

const params = (p: Partial<PinParams> = {}): PinParams => ({
  index: 1,
  osname: 'fedora',
  checksum: B,
  serial: 0,
  pinned: true,
  ...p,
});

describe('pinDeployment', () => {
  it('checks the identity, pins by index with an argv array, checks again', async () => {
    const ostree = fakeOstree([
      { ok: true, stdout: status(false) },
      { ok: true, stdout: 'Deployment 1 is now pinned\n' },
      { ok: true, stdout: status(true) },
    ]);
    expect(await pinDeployment('/sysroot', params(), ostree.run)).toEqual({
      ok: true,
      value: null,
    });
    expect(ostree.calls).toEqual([
      ['admin', 'status', '--sysroot=/sysroot'],
      ['admin', 'pin', '--sysroot=/sysroot', '1'],
      ['admin', 'status', '--sysroot=/sysroot'],
    ]);
  });

  it('unpins with --unpin', async () => {
    const ostree = fakeOstree([
      { ok: true, stdout: status(true) },
      { ok: true, stdout: '' },
      { ok: true, stdout: status(false) },
    ]);
    expect(await pinDeployment('/s', params({ pinned: false }), ostree.run)).toMatchObject({
      ok: true,
    });
    expect(ostree.calls[1]).toEqual(['admin', 'pin', '--sysroot=/s', '--unpin', '1']);
  });

  it.each([
    ['another checksum at the index', params({ index: 0 })],
    ['another serial', params({ serial: 1 })],
    ['another osname', params({ osname: 'rhel' })],
    ['an index past the end', params({ index: 2 })],
  ])('refuses %s without running the pin', async (_what, p) => {
    const ostree = fakeOstree([{ ok: true, stdout: status(false) }]);
    const result = await pinDeployment('/s', p, ostree.run);
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
    if (!result.ok)
      expect(result.error.message).toMatch(/^The deployment list changed: deployment \d is /);
    expect(ostree.calls).toHaveLength(1);
  });

  it("passes ostree's own error back when it refuses", async () => {
    const ostree = fakeOstree([
      { ok: true, stdout: status(false) },
      { ok: false, message: 'Cannot pin staged deployment' },
    ]);
    expect(await pinDeployment('/s', params(), ostree.run)).toEqual({
      ok: false,
      error: { kind: 'transaction-failed', message: 'Cannot pin staged deployment' },
    });
  });

  it('reports a list that moved between the check and the pin', async () => {
    const ostree = fakeOstree([
      { ok: true, stdout: status(false) },
      { ok: true, stdout: '' },
      { ok: true, stdout: `  fedora ${A}.1\n` + status(false) },
    ]);
    const result = await pinDeployment('/s', params(), ostree.run);
    expect(result).toMatchObject({ ok: false, error: { kind: 'transaction-failed' } });
    if (!result.ok) expect(result.error.message).toContain('changed while pinning');
  });

  it('does not claim success when the result cannot be checked', async () => {
    const ostree = fakeOstree([
      { ok: true, stdout: status(false) },
      { ok: true, stdout: '' },
      { ok: false, message: 'Unable to lock sysroot' },
    ]);
    expect(await pinDeployment('/s', params(), ostree.run)).toEqual({
      ok: false,
      error: {
        kind: 'transaction-failed',
        message:
          'ostree ran, but the result could not be checked: Cannot read the deployments: Unable to lock sysroot',
      },
    });
  });

  it('says when the deployments cannot be read', async () => {
    const ostree = fakeOstree([
      { ok: false, message: 'opendir(/nope): No such file or directory' },
    ]);
    expect(await pinDeployment('/nope', params(), ostree.run)).toEqual({
      ok: false,
      error: {
        kind: 'daemon-unavailable',
        message: 'Cannot read the deployments: opendir(/nope): No such file or directory',
      },
    });
  });
});

describe('ostreeErrorText', () => {
  it("keeps ostree's error line and drops the usage text printed before it", () => {
    const stderr =
      'Usage:\n  ostree admin pin [OPTION…] INDEX\n\n  --sysroot=PATH  ...\n\nerror: Out of range deployment index 5, expected < 2\n';
    expect(ostreeErrorText(stderr)).toBe('Out of range deployment index 5, expected < 2');
    expect(ostreeErrorText('  something odd  \n')).toBe('something odd');
    expect(
      ostreeErrorText('', Object.assign(new Error('spawn ostree ENOENT'), { code: 'ENOENT' })),
    ).toBe('The ostree command is not installed');
  });
});
