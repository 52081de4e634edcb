import { EventEmitter } from 'node:events';
import type { Menu, MenuItemConstructorOptions, NativeImage } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { TrayState } from '../../../daemon-bridge/contract/desktop.ts';
import { initialDesktopState } from '../../../daemon-bridge/contract/desktop.ts';
import type { AppState } from '../../../daemon-bridge/contract/domain.ts';
import { silentLogger } from '../../../daemon-bridge/logger.ts';
import { createTrayController, trayIconPath } from '../../../electron/tray.ts';
import type { TrayDeps } from '../../../electron/tray.ts';
import { blankState } from '../../support/app-state.ts';
import { fakeHandler } from '../web/web-kit.ts';

vi.mock('electron', () => {
  throw new Error('tray.ts must get Electron injected');
});

class FakeTray extends EventEmitter {
  static created: FakeTray[] = [];
  readonly setImage = vi.fn();
  readonly setToolTip = vi.fn();
  readonly setContextMenu = vi.fn();
  readonly destroy = vi.fn();
  constructor(readonly image: unknown) {
    super();
    FakeTray.created.push(this);
  }
  /** The template of the menu set last (buildFromTemplate below returns it as is). */
  menu(): MenuItemConstructorOptions[] {
    const calls = this.setContextMenu.mock.calls;
    return calls[calls.length - 1]?.[0] as MenuItemConstructorOptions[];
  }
  item(label: string): MenuItemConstructorOptions {
    const found = this.menu().find((i) => i.label === label);
    if (!found) throw new Error(`no menu item ${label}`);
    return found;
  }
}

const withTray = (tray: Partial<TrayState>): AppState =>
  blankState({
    desktop: { ...initialDesktopState, tray: { ...initialDesktopState.tray, ...tray } },
  });

function setup(response = 1) {
  FakeTray.created = [];
  const handler = fakeHandler();
  const open = vi.fn();
  const quit = vi.fn();
  const showMessageBox = vi.fn(() => Promise.resolve({ response, checkboxChecked: false }));
  const deps: TrayDeps = {
    Tray: FakeTray as unknown as TrayDeps['Tray'],
    Menu: {
      buildFromTemplate: (template: MenuItemConstructorOptions[]) => template as unknown as Menu,
    },
    nativeImage: {
      createFromPath: (path: string) => ({ path }) as unknown as NativeImage,
    },
    dialog: { showMessageBox },
    assetsDir: '/app/assets',
    handler,
    open,
    quit,
    log: silentLogger,
  };
  const controller = createTrayController(deps);
  const tray = FakeTray.created[0];
  if (!tray) throw new Error('no tray created');
  return { controller, tray, handler, open, quit, showMessageBox };
}

const click = (item: MenuItemConstructorOptions) =>
  (item.click as unknown as () => void | undefined)();
const labels = (tray: FakeTray) => tray.menu().map((i) => i.label ?? `(${i.type})`);

describe('createTrayController', () => {
  it('starts as "no daemon", with its tooltip and a menu', () => {
    const { tray } = setup();
    expect(tray.image).toEqual({ path: '/app/assets/tray/no-daemon-22.png' });
    expect(tray.setToolTip).toHaveBeenCalledWith('No update daemon available');
    expect(labels(tray)).toEqual(['Open', 'Check for updates now', '(separator)', 'Quit']);
    expect(tray.item('Check for updates now').enabled).toBe(false);
  });

  it('draws each status: icon, tooltip, and the reboot item only when staged', () => {
    const { controller, tray } = setup();
    controller.update(withTray({ status: 'update-available', version: '43.2' }));
    expect(tray.setImage).toHaveBeenLastCalledWith({
      path: '/app/assets/tray/update-available-22.png',
    });
    expect(tray.setToolTip).toHaveBeenLastCalledWith('Update available: 43.2');
    expect(labels(tray)).toEqual(['Open', 'Check for updates now', '(separator)', 'Quit']);
    expect(tray.item('Check for updates now').enabled).toBe(true);

    controller.update(withTray({ status: 'staged', version: '43.2' }));
    expect(tray.setImage).toHaveBeenLastCalledWith({ path: '/app/assets/tray/staged-22.png' });
    expect(labels(tray)).toEqual([
      'Open',
      'Check for updates now',
      'Reboot to apply…',
      '(separator)',
      'Quit',
    ]);
  });

  it('sets the image and menu only when the status changes, the tooltip when it does', () => {
    const { controller, tray } = setup();
    controller.update(withTray({ status: 'working', percent: 10, message: 'Upgrade' }));
    controller.update(withTray({ status: 'working', percent: 55, message: 'Upgrade' }));
    controller.update(withTray({ status: 'working', percent: 55, message: 'Upgrade' }));
    expect(tray.setImage.mock.calls).toEqual([[{ path: '/app/assets/tray/working-22.png' }]]);
    // One menu at start, one for 'working'.
    expect(tray.setContextMenu).toHaveBeenCalledTimes(2);
    expect(tray.setToolTip.mock.calls.slice(1)).toEqual([
      ['Upgrade: 10% done'],
      ['Upgrade: 55% done'],
    ]);
    expect(tray.item('Check for updates now').enabled).toBe(false);
  });

  it('Open and a click on the icon open the window; Quit quits', () => {
    const { tray, open, quit } = setup();
    click(tray.item('Open'));
    tray.emit('click');
    click(tray.item('Quit'));
    expect([open.mock.calls.length, quit.mock.calls.length]).toEqual([2, 1]);
  });

  it('Check for updates now asks the daemon', async () => {
    const { controller, tray, handler } = setup();
    controller.update(withTray({ status: 'up-to-date' }));
    click(tray.item('Check for updates now'));
    await vi.waitFor(() => expect(handler.calls).toEqual([{ name: 'checkForUpdates', args: [] }]));
  });

  it('Reboot to apply… asks first, then reboots on "Restart now"', async () => {
    const { controller, tray, handler, showMessageBox } = setup(1);
    controller.update(withTray({ status: 'staged', version: '43.2' }));
    click(tray.item('Reboot to apply…'));
    await vi.waitFor(() => expect(handler.calls).toEqual([{ name: 'rebootToApply', args: [] }]));
    expect(showMessageBox).toHaveBeenCalledWith({
      type: 'question',
      title: 'Reboot to apply the update',
      message: 'Restart now to apply 43.2?',
      detail:
        'The computer restarts now and boots into 43.2. Save your work in open applications first.',
      buttons: ['Cancel', 'Restart now'],
      defaultId: 0,
      cancelId: 0,
      noLink: true,
    });
  });

  it('does not reboot when the dialog is cancelled', async () => {
    const { controller, tray, handler, showMessageBox } = setup(0);
    controller.update(withTray({ status: 'staged' }));
    click(tray.item('Reboot to apply…'));
    await vi.waitFor(() => expect(showMessageBox).toHaveBeenCalledOnce());
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(handler.calls).toEqual([]);
  });

  it('does not reboot when the staged update went away while the dialog was open', async () => {
    const { controller, tray, handler } = setup(1);
    controller.update(withTray({ status: 'staged' }));
    const item = tray.item('Reboot to apply…');
    click(item);
    controller.update(withTray({ status: 'up-to-date' }));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(handler.calls).toEqual([]);
  });

  it('destroys the tray icon', () => {
    const { controller, tray } = setup();
    controller.destroy();
    expect(tray.destroy).toHaveBeenCalledOnce();
  });

  it('resolves icon paths under assets/tray', () => {
    expect(trayIconPath('/a', 'failed', 48)).toBe('/a/tray/failed-48.png');
  });
});
