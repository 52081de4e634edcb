import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import {
  readBootId,
  readFinalizeFromJournal,
} from '../../../daemon-bridge/health/journal-probe.ts';
import type { CommandRunner } from '../../../daemon-bridge/health/run-command.ts';
import { journalPowerOn, journalReboot } from '../../../sandbox/journal/boot-journal.ts';
import { bootIdFile, journalDir } from '../../../sandbox/journal/sandbox-journal.ts';
import { sandboxLayout } from '../../../sandbox/sysroot/layout.ts';
import { tempDir } from '../../support/temp-dir.ts';

/**
 * The journal probe against real journal files: the sandbox writes them
 * with systemd-journal-remote, the probe reads them with journalctl.
 */
describe('readFinalizeFromJournal on a real journal', () => {
  let dir: ReturnType<typeof tempDir> | null = null;
  afterEach(() => dir?.remove());

  const machine = async () => {
    dir = tempDir('journal');
    const layout = sandboxLayout(dir.path);
    const noise: string[] = [];
    await journalPowerOn(layout, (l) => noise.push(l));
    expect(noise).toEqual([]);
    return layout;
  };
  const read = async (layout: ReturnType<typeof sandboxLayout>) =>
    readFinalizeFromJournal(
      { kind: 'directory', path: journalDir(layout) },
      await readBootId(bootIdFile(layout)),
    );

  it('first boot: no previous boot, fine', async () => {
    expect(await read(await machine())).toEqual({ kind: 'ok', bootId: null });
  });

  it('a reboot whose finalization failed: the error line of the previous boot', async () => {
    const layout = await machine();
    const before = readFileSync(bootIdFile(layout), 'utf8').trim().replace(/-/g, '');
    await journalReboot(
      layout,
      { outcome: 'failed', error: 'error: Bootloader write config: boom' },
      () => {},
    );
    const reading = await read(layout);
    expect(reading).toMatchObject({
      kind: 'failed',
      message: 'error: Bootloader write config: boom',
      bootId: before,
    });
    // One more reboot that finalizes: the failure belonged to a boot that is no longer the previous one.
    await journalReboot(layout, { outcome: 'finalized' }, () => {});
    expect(await read(layout)).toMatchObject({ kind: 'ok' });
  });

  it('a reboot with nothing staged: fine', async () => {
    const layout = await machine();
    await journalReboot(layout, null, () => {});
    expect(await read(layout)).toMatchObject({ kind: 'ok' });
  });
});

describe('readFinalizeFromJournal when the journal cannot be read', () => {
  const source = { kind: 'system' } as const;
  const boot = 'b'.repeat(32);

  it('no journalctl: unknown, with the reason', async () => {
    const missing: CommandRunner = () =>
      Promise.reject(Object.assign(new Error('spawn journalctl ENOENT'), { code: 'ENOENT' }));
    expect(await readFinalizeFromJournal(source, boot, missing)).toEqual({
      kind: 'unknown',
      reason: 'Cannot run journalctl: spawn journalctl ENOENT',
    });
  });

  it('no permission: unknown, with journalctl’s own words', async () => {
    const denied: CommandRunner = () =>
      Promise.resolve({
        code: 1,
        stdout: '',
        stderr: 'No journal files were opened due to insufficient permissions.\n',
      });
    expect(await readFinalizeFromJournal(source, boot, denied)).toEqual({
      kind: 'unknown',
      reason:
        'journalctl exited with 1: No journal files were opened due to insufficient permissions.',
    });
  });

  it('a journal without the running boot (only the user’s own entries): unknown, never fine', async () => {
    const calls: string[][] = [];
    const partial: CommandRunner = (_file, args) => {
      calls.push([...args]);
      return Promise.resolve({
        code: 0,
        stdout: `[{"index":0,"boot_id":"${'a'.repeat(32)}","first_entry":1,"last_entry":2}]`,
        stderr: 'Hint: You are currently not seeing messages from other users and the system.\n',
      });
    };
    expect(await readFinalizeFromJournal(source, boot, partial)).toEqual({
      kind: 'unknown',
      reason:
        'The journal has no entries of the running boot: Hint: You are currently not seeing messages from other users and the system.',
    });
    expect(calls).toEqual([['--no-pager', '--system', '--list-boots', '-o', 'json']]);
  });

  it('asks for exactly the two match groups rpm-ostree uses, in the previous boot', async () => {
    const prev = 'a'.repeat(32);
    const calls: string[][] = [];
    const runner: CommandRunner = (_file, args) => {
      calls.push([...args]);
      return Promise.resolve({
        code: 0,
        stdout: args.includes('--list-boots')
          ? `[{"boot_id":"${prev}","first_entry":1},{"boot_id":"${boot}","first_entry":2}]`
          : '',
        stderr: '',
      });
    };
    expect(await readFinalizeFromJournal(source, boot, runner)).toEqual({
      kind: 'ok',
      bootId: prev,
    });
    expect(calls[1]).toEqual([
      '--no-pager',
      '--system',
      '-o',
      'json',
      `_BOOT_ID=${prev}`,
      '_UID=0',
      'SYSLOG_IDENTIFIER=ostree',
      '+',
      `_BOOT_ID=${prev}`,
      'UNIT=ostree-finalize-staged.service',
      '_COMM=systemd',
    ]);
  });
});
