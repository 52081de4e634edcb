import { describe, expect, it } from 'vitest';
import { HELP_TEXT, parseLaunchOptions } from '../../../daemon-bridge/launch/options.ts';

describe('parseLaunchOptions', () => {
  it('defaults: window, system daemon', () => {
    expect(parseLaunchOptions([])).toEqual({
      ok: true,
      options: { web: false, port: 0, sandbox: false, sandboxDir: null, tray: false, help: false },
    });
  });

  it('the issue example: --web --sandbox --sandbox-dir /tmp/y --port 8765', () => {
    expect(
      parseLaunchOptions(['--web', '--sandbox', '--sandbox-dir', '/tmp/y', '--port', '8765']),
    ).toEqual({
      ok: true,
      options: {
        web: true,
        port: 8765,
        sandbox: true,
        sandboxDir: '/tmp/y',
        tray: false,
        help: false,
      },
    });
  });

  it('--flag=value and --sandbox-dir implying --sandbox', () => {
    expect(parseLaunchOptions(['--port=1', '--sandbox-dir=/d'])).toEqual({
      ok: true,
      options: { web: false, port: 1, sandbox: true, sandboxDir: '/d', tray: false, help: false },
    });
  });

  it('--tray starts in the tray, alone or with other flags', () => {
    expect([parseLaunchOptions(['--tray']), parseLaunchOptions(['--sandbox', '--tray'])]).toEqual([
      {
        ok: true,
        options: { web: false, port: 0, sandbox: false, sandboxDir: null, tray: true, help: false },
      },
      {
        ok: true,
        options: { web: false, port: 0, sandbox: true, sandboxDir: null, tray: true, help: false },
      },
    ]);
  });

  it.each([
    [['--port', 'eighty'], '--port needs a number from 0 to 65535, got eighty'],
    [['--port', '70000'], '--port needs a number from 0 to 65535, got 70000'],
    [['--port'], '--port needs a number from 0 to 65535, got nothing'],
    [['--sandbox-dir'], '--sandbox-dir needs a directory'],
    [['--sandbox-dir', '--web'], '--sandbox-dir needs a directory'],
    [['--frobnicate'], 'Unknown option: --frobnicate'],
  ])('%j is refused with a clear message', (argv, message) => {
    expect(parseLaunchOptions(argv)).toEqual({ ok: false, message });
  });

  it('the help text lists every flag the parser knows', () => {
    for (const flag of ['--web', '--port', '--sandbox', '--sandbox-dir', '--tray', '--help'])
      expect(HELP_TEXT).toContain(flag);
  });
});
