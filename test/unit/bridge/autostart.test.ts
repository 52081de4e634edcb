import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { APP_ID } from '../../../daemon-bridge/desktop/app-id.ts';
import {
  autostartEntry,
  autostartPath,
  isAutostartEnabled,
  quoteExecArg,
  setAutostart,
  xdgConfigHome,
} from '../../../daemon-bridge/desktop/autostart.ts';

describe('autostartEntry', () => {
  it('is a Desktop Entry that starts the app in the tray', () => {
    expect(autostartEntry({ exec: '/usr/bin/ostree-update-manager' })).toBe(
      [
        '[Desktop Entry]',
        'Type=Application',
        'Version=1.0',
        'Name=OSTree Update Manager',
        'Comment=Shows in the tray when a system update is available or staged',
        'Exec=/usr/bin/ostree-update-manager --tray',
        'Icon=io.github.ostree_update_manager.UpdateManager',
        'Terminal=false',
        'StartupNotify=false',
        'X-GNOME-Autostart-enabled=true',
        '',
      ].join('\n'),
    );
  });

  it('quotes the program and its arguments as the Exec key requires', () => {
    const text = autostartEntry({
      exec: '/opt/OSTree Update Manager/app',
      args: ['/srv/main.cjs', "it's", 'x%y'],
    });
    // Quote level: "…"; string level: a backslash doubled (none here).
    expect(text).toContain(
      `Exec="/opt/OSTree Update Manager/app" /srv/main.cjs "it's" x%%y --tray\n`,
    );
  });

  it('refuses a relative program and control characters', () => {
    expect(() => autostartEntry({ exec: 'ostree-update-manager' })).toThrow(/absolute path/);
    expect(() => autostartEntry({ exec: '/usr/bin/a\nb' })).toThrow(/control characters/);
  });
});

describe('quoteExecArg', () => {
  it.each([
    ['/usr/bin/app', '/usr/bin/app'],
    ['--tray', '--tray'],
    ['', '""'],
    ['a b', '"a b"'],
    ['say "hi"', '"say \\"hi\\""'],
    ['$HOME', '"\\$HOME"'],
    ['`x`', '"\\`x\\`"'],
    ['back\\slash', '"back\\\\slash"'],
    ['100%', '100%%'],
    ['a;b', '"a;b"'],
    ['~/x', '"~/x"'],
  ])('%j → %s', (arg, quoted) => {
    expect(quoteExecArg(arg)).toBe(quoted);
  });

  it('doubles a quoted backslash again at the string level: four in the file', () => {
    expect(autostartEntry({ exec: '/a\\b' })).toContain('Exec="/a\\\\\\\\b" --tray\n');
  });
});

describe('xdgConfigHome', () => {
  it('uses an absolute $XDG_CONFIG_HOME, else ~/.config', () => {
    expect([
      xdgConfigHome({ XDG_CONFIG_HOME: '/cfg' }, '/home/u'),
      xdgConfigHome({ XDG_CONFIG_HOME: '' }, '/home/u'),
      xdgConfigHome({ XDG_CONFIG_HOME: 'relative/cfg' }, '/home/u'),
      xdgConfigHome({}, '/home/u'),
    ]).toEqual(['/cfg', '/home/u/.config', '/home/u/.config', '/home/u/.config']);
  });

  it('names the file after the app id', () => {
    expect(autostartPath({ configHome: '/cfg' })).toBe(`/cfg/autostart/${APP_ID}.desktop`);
    expect(autostartPath({ env: { XDG_CONFIG_HOME: '/x' } })).toBe(
      `/x/autostart/${APP_ID}.desktop`,
    );
  });
});

describe('setAutostart and isAutostartEnabled', () => {
  let configHome: string;
  beforeEach(async () => {
    configHome = await mkdtemp(join(tmpdir(), 'autostart-'));
  });
  afterEach(async () => {
    await rm(configHome, { recursive: true, force: true });
  });
  const exec = '/usr/bin/ostree-update-manager';
  const file = () => join(configHome, 'autostart', `${APP_ID}.desktop`);

  it('writes the entry (creating autostart/), then removes it', async () => {
    expect(await isAutostartEnabled({ configHome })).toBe(false);
    await setAutostart(true, { configHome, exec });
    expect(await readFile(file(), 'utf8')).toBe(autostartEntry({ exec }));
    // Written atomically: no temporary file is left behind.
    expect(await readdir(join(configHome, 'autostart'))).toEqual([`${APP_ID}.desktop`]);
    expect(await isAutostartEnabled({ configHome })).toBe(true);

    await setAutostart(false, { configHome, exec });
    expect(await readdir(join(configHome, 'autostart'))).toEqual([]);
    expect(await isAutostartEnabled({ configHome })).toBe(false);
    // Switching off twice is fine.
    await setAutostart(false, { configHome, exec });
  });

  it('replaces an older entry', async () => {
    await setAutostart(true, { configHome, exec: '/old/app' });
    await setAutostart(true, { configHome, exec });
    expect(await readFile(file(), 'utf8')).toContain(`Exec=${exec} --tray\n`);
  });

  it.each([
    ['Hidden=true', false],
    ['X-GNOME-Autostart-enabled=false', false],
    ['Hidden=false', true],
  ])('an entry with %s counts as enabled: %s', async (line, enabled) => {
    await setAutostart(true, { configHome, exec });
    await writeFile(file(), `${autostartEntry({ exec })}${line}\n`);
    expect(await isAutostartEnabled({ configHome })).toBe(enabled);
  });

  it('reads keys of the [Desktop Entry] group only', async () => {
    await setAutostart(true, { configHome, exec });
    await writeFile(file(), `${autostartEntry({ exec })}[Desktop Action x]\nHidden=true\n`);
    expect(await isAutostartEnabled({ configHome })).toBe(true);
  });
});
