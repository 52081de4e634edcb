import { describe, expect, it } from 'vitest';
import { HELP_TEXT } from '../../../daemon-bridge/launch/options.ts';
import { DAEMON_ENV, desktopLaunch, runModeFromEnv } from '../../../electron/launch-env.ts';

describe('runModeFromEnv', () => {
  it('reads the sandbox mode scripts/start.ts passes', () => {
    const mode = { kind: 'sandbox', dir: '/tmp/s', reason: 'no-daemon' };
    expect(runModeFromEnv({ OSTREE_UM_MODE: JSON.stringify(mode) })).toEqual(mode);
  });

  it.each([
    undefined,
    '',
    '{',
    'null',
    '"sandbox"',
    '{"kind":"sandbox"}',
    '{"kind":"sandbox","dir":1,"reason":"requested"}',
    '{"kind":"sandbox","dir":"/x","reason":"because"}',
    '{"kind":"system"}',
  ])('falls back to the system daemon for %s', (raw) => {
    expect(runModeFromEnv(raw === undefined ? {} : { OSTREE_UM_MODE: raw })).toEqual({
      kind: 'system',
    });
  });
});

describe('desktopLaunch: the installed app’s command line', () => {
  it('runs with --tray and --daemon; npm start’s choice comes through the environment', () => {
    expect(desktopLaunch(['--tray'], {})).toEqual({ kind: 'run', tray: true, daemon: null });
    expect(desktopLaunch(['--daemon', 'apt-layer'], { [DAEMON_ENV]: 'rpm-ostree' })).toEqual({
      kind: 'run',
      tray: false,
      daemon: 'apt-layer',
    });
    expect(desktopLaunch([], { [DAEMON_ENV]: 'apt-ostree' })).toMatchObject({
      daemon: 'apt-ostree',
    });
    expect(desktopLaunch([], { [DAEMON_ENV]: 'yum' })).toMatchObject({ daemon: null });
  });

  it('--help prints the same help as npm start and exits 0', () => {
    expect(desktopLaunch(['--help'], {})).toEqual({ kind: 'exit', code: 0, text: HELP_TEXT });
  });

  it('refuses unknown flags and the source-tree-only ones with a clear message', () => {
    const unknown = desktopLaunch(['--frobnicate'], {});
    expect(unknown).toMatchObject({ kind: 'exit', code: 2 });
    expect(unknown.kind === 'exit' && unknown.text).toContain('Unknown option: --frobnicate');
    const web = desktopLaunch(['--web'], {});
    expect(web.kind === 'exit' && web.text).toContain('npm start -- --web');
  });
});
