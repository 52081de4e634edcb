import { describe, expect, it } from 'vitest';
import { HELP_TEXT, parseLaunchOptions } from '../../../daemon-bridge/launch/options.ts';

const kinds = { daemon: null, sandboxProfile: 'rpm-ostree' } as const;

describe('parseLaunchOptions', () => {
  it('--daemon forces a daemon; --sandbox-profile picks what the sandbox plays (and means --sandbox)', () => {
    expect(parseLaunchOptions(['--daemon', 'apt-layer'])).toMatchObject({
      ok: true,
      options: { daemon: 'apt-layer', sandbox: false, sandboxProfile: 'rpm-ostree' },
    });
    expect(parseLaunchOptions(['--sandbox-profile=apt-ostree'])).toMatchObject({
      ok: true,
      options: { daemon: null, sandbox: true, sandboxProfile: 'apt-ostree' },
    });
  });

  it('defaults: window, system daemon', () => {
    expect(parseLaunchOptions([])).toEqual({
      ok: true,
      options: {
        web: false,
        port: 0,
        sandbox: false,
        sandboxDir: null,
        tray: false,
        ...kinds,
        help: false,
      },
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
        ...kinds,
        help: false,
      },
    });
  });

  it('--flag=value and --sandbox-dir implying --sandbox', () => {
    expect(parseLaunchOptions(['--port=1', '--sandbox-dir=/d'])).toEqual({
      ok: true,
      options: {
        web: false,
        port: 1,
        sandbox: true,
        sandboxDir: '/d',
        tray: false,
        ...kinds,
        help: false,
      },
    });
  });

  it('--tray starts in the tray, alone or with other flags', () => {
    expect([parseLaunchOptions(['--tray']), parseLaunchOptions(['--sandbox', '--tray'])]).toEqual([
      {
        ok: true,
        options: {
          web: false,
          port: 0,
          sandbox: false,
          sandboxDir: null,
          tray: true,
          ...kinds,
          help: false,
        },
      },
      {
        ok: true,
        options: {
          web: false,
          port: 0,
          sandbox: true,
          sandboxDir: null,
          tray: true,
          ...kinds,
          help: false,
        },
      },
    ]);
  });

  it('lets the switches Electron, Chromium and Wayland launchers add pass', () => {
    expect(
      parseLaunchOptions([
        '--no-sandbox',
        '--enable-features=X',
        '--ozone-platform-hint=auto',
        '--tray',
      ]),
    ).toMatchObject({ ok: true, options: { tray: true } });
  });

  it.each([
    [['--port', 'eighty'], '--port needs a number from 0 to 65535, got eighty'],
    [['--port', '70000'], '--port needs a number from 0 to 65535, got 70000'],
    [['--port'], '--port needs a number from 0 to 65535, got nothing'],
    [['--sandbox-dir'], '--sandbox-dir needs a directory'],
    [['--sandbox-dir', '--web'], '--sandbox-dir needs a directory'],
    [['--frobnicate'], 'Unknown option: --frobnicate'],
    [['--daemon', 'yum'], '--daemon needs one of rpm-ostree, apt-ostree, apt-layer, got yum'],
    [
      ['--sandbox-profile'],
      '--sandbox-profile needs one of rpm-ostree, apt-ostree, apt-layer, got nothing',
    ],
  ])('%j is refused with a clear message', (argv, message) => {
    expect(parseLaunchOptions(argv)).toEqual({ ok: false, message });
  });

  it('the help text lists every flag the parser knows', () => {
    for (const flag of [
      '--web',
      '--port',
      '--sandbox',
      '--sandbox-dir',
      '--sandbox-profile',
      '--daemon',
      '--tray',
      '--help',
    ])
      expect(HELP_TEXT).toContain(flag);
  });
});
