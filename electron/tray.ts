/**
 * The tray icon (a StatusNotifierItem on Linux desktops). It only draws
 * `state.desktop.tray`, which daemon-bridge derives from the daemon state:
 * the icon of its status, the tooltip, and a menu to open the window, check
 * now, reboot into a staged update, or quit. Electron is injected so it is
 * tested without Electron.
 */
import { join } from 'node:path';
import type {
  Dialog,
  Menu,
  MenuItemConstructorOptions,
  NativeImage,
  nativeImage,
  Tray,
} from 'electron';
import type { CommandHandler } from '../daemon-bridge/contract/api.ts';
import { initialDesktopState } from '../daemon-bridge/contract/desktop.ts';
import type { TrayState, TrayStatus } from '../daemon-bridge/contract/desktop.ts';
import type { AppState } from '../daemon-bridge/contract/domain.ts';
import type { Logger } from '../daemon-bridge/logger.ts';
import { rebootConfirmText, trayMenuLabels, trayTooltip } from '../renderer/i18n/desktop-text.ts';

/**
 * The PNG size loaded: KDE's panel draws 22 px, GNOME's AppIndicator
 * extension scales to its own; `<name>@2x.png` next to it serves HiDPI.
 */
export const TRAY_ICON_SIZE = 22;

/** assets/tray/<status>-<size>.png (scripts/render-icons.ts renders them). */
export function trayIconPath(assetsDir: string, status: TrayStatus, size = TRAY_ICON_SIZE): string {
  return join(assetsDir, 'tray', `${status}-${size}.png`);
}

export type TrayLike = Pick<Tray, 'setImage' | 'setToolTip' | 'setContextMenu' | 'on' | 'destroy'>;

export interface TrayDeps {
  readonly Tray: new (image: NativeImage) => TrayLike;
  readonly Menu: Pick<typeof Menu, 'buildFromTemplate'>;
  readonly nativeImage: Pick<typeof nativeImage, 'createFromPath'>;
  readonly dialog: Pick<Dialog, 'showMessageBox'>;
  /** The app's assets/ directory. */
  readonly assetsDir: string;
  readonly handler: CommandHandler;
  /** Opens the window, or raises it when it is open. */
  readonly open: () => void;
  /** Quits the app for real (the window alone closing leaves the tray). */
  readonly quit: () => void;
  readonly log: Logger;
}

export interface TrayController {
  /** Redraws what changed for `state`. */
  update(state: AppState): void;
  destroy(): void;
}

export function createTrayController(deps: TrayDeps): TrayController {
  const image = (status: TrayStatus) =>
    deps.nativeImage.createFromPath(trayIconPath(deps.assetsDir, status));
  let current: TrayState = initialDesktopState.tray;
  let confirming = false;

  const run = (what: string, task: () => Promise<void>): void => {
    task().catch((err: unknown) => deps.log.error(`tray: ${what} failed: ${String(err)}`));
  };

  const checkNow = () =>
    run('check for updates', async () => {
      const result = await deps.handler.handle('checkForUpdates', []);
      // The failure itself reaches the user through the state (activity, tray status).
      if (!result.ok) deps.log.warn(`tray: check for updates: ${result.error.message}`);
    });

  const confirmReboot = () =>
    run('reboot to apply', async () => {
      if (confirming) return;
      confirming = true;
      try {
        const text = rebootConfirmText(current.version);
        const { response } = await deps.dialog.showMessageBox({
          type: 'question',
          title: text.title,
          message: text.message,
          detail: text.detail,
          buttons: [text.cancel, text.confirm],
          defaultId: 0,
          cancelId: 0,
          noLink: true,
        });
        // The staged deployment may have gone while the dialog was open.
        if (response !== 1 || current.status !== 'staged') return;
        const result = await deps.handler.handle('rebootToApply', []);
        if (!result.ok) deps.log.warn(`tray: reboot to apply: ${result.error.message}`);
      } finally {
        confirming = false;
      }
    });

  const menu = (status: TrayStatus) => {
    const labels = trayMenuLabels();
    const template: MenuItemConstructorOptions[] = [
      { label: labels.open, click: () => deps.open() },
      {
        label: labels.checkNow,
        enabled: status !== 'working' && status !== 'no-daemon',
        click: checkNow,
      },
    ];
    if (status === 'staged') template.push({ label: labels.reboot, click: confirmReboot });
    template.push({ type: 'separator' }, { label: labels.quit, click: () => deps.quit() });
    return deps.Menu.buildFromTemplate(template);
  };

  const tray = new deps.Tray(image(current.status));
  let tooltip = trayTooltip(current);
  tray.setToolTip(tooltip);
  // Some Linux panels show no StatusNotifierItem without a menu: set it at once.
  tray.setContextMenu(menu(current.status));
  // On Linux 'click' is the item's activation, whatever the panel maps it to.
  tray.on('click', () => deps.open());

  return {
    update(state) {
      const next = state.desktop.tray;
      const previous = current;
      current = next;
      if (next.status !== previous.status) {
        tray.setImage(image(next.status));
        tray.setContextMenu(menu(next.status));
      }
      const text = trayTooltip(next);
      if (text !== tooltip) {
        tooltip = text;
        tray.setToolTip(text);
      }
    },
    destroy() {
      tray.destroy();
    },
  };
}
