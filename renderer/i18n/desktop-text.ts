/**
 * Text of the tray and the desktop notifications. Pure functions of the
 * desktop state, so the Electron main process (which draws the tray and
 * raises the notifications) and the renderer (which lists the same records)
 * say the same thing. Runs in both runtimes: no DOM, no Node.
 */
import type { NotificationRecord, TrayState } from '../../daemon-bridge/contract/desktop.ts';
import { assertNever } from '../../daemon-bridge/contract/domain.ts';
import { t, tn } from './strings.ts';

/** 0–100 as a locale-formatted percentage ("42%", "42 %"). */
export function formatPercent(percent: number, locales?: Intl.LocalesArgument): string {
  const clamped = Math.max(0, Math.min(100, percent));
  return new Intl.NumberFormat(locales, { style: 'percent', maximumFractionDigits: 0 }).format(
    clamped / 100,
  );
}

/** The tray icon's tooltip: what the icon means, with the version, progress or reason. */
export function trayTooltip(tray: TrayState, locales?: Intl.LocalesArgument): string {
  switch (tray.status) {
    case 'up-to-date':
      return t('trayUpToDate');
    case 'update-available':
      return tray.version === null
        ? t('trayUpdateAvailableNoVersion')
        : t('trayUpdateAvailable', { version: tray.version });
    case 'working': {
      // While working, `message` is the running transaction's title.
      const title = tray.message ?? t('trayWorkingDefault');
      return tray.percent === null
        ? t('trayWorking', { title })
        : t('trayWorkingPercent', { title, percent: formatPercent(tray.percent, locales) });
    }
    case 'staged':
      return tray.version === null
        ? t('trayStagedNoVersion')
        : t('trayStaged', { version: tray.version });
    case 'failed':
      return tray.message === null
        ? t('trayFailedNoMessage')
        : t('trayFailed', { message: tray.message });
    case 'no-daemon':
      return tray.message === null
        ? t('trayNoDaemonNoMessage')
        : t('trayNoDaemon', { message: tray.message });
    default:
      return assertNever(tray.status);
  }
}

export interface TrayMenuLabels {
  readonly open: string;
  readonly checkNow: string;
  readonly reboot: string;
  readonly quit: string;
}

/** Labels of the tray's context menu. */
export function trayMenuLabels(): TrayMenuLabels {
  return {
    open: t('trayMenuOpen'),
    checkNow: t('trayMenuCheckNow'),
    reboot: t('trayMenuReboot'),
    quit: t('trayMenuQuit'),
  };
}

export interface RebootConfirmText {
  readonly title: string;
  readonly message: string;
  readonly detail: string;
  readonly confirm: string;
  readonly cancel: string;
}

/** The dialog the tray's "Reboot to apply…" asks before restarting into `version`. */
export function rebootConfirmText(version: string | null): RebootConfirmText {
  const shown = version ?? t('unknownVersion');
  return {
    title: t('trayRebootTitle'),
    message: t('trayRebootMessage', { version: shown }),
    detail: t('trayRebootDetail', { version: shown }),
    confirm: t('trayRebootConfirm'),
    cancel: t('trayRebootCancel'),
  };
}

export interface NotificationText {
  readonly title: string;
  readonly body: string;
}

/** Title and body of the desktop notification for `record`. */
export function notificationText(record: NotificationRecord): NotificationText {
  switch (record.kind) {
    case 'staged':
      return {
        title: t('notifyStagedTitle'),
        body:
          record.version === null
            ? t('notifyStagedNoVersion')
            : t('notifyStagedBody', { version: record.version }),
      };
    case 'important-update':
      return { title: updateTitle(record.severity), body: updateBody(record) };
    case 'failed':
      return {
        title:
          record.title === null
            ? t('notifyFailedNoTitle')
            : t('notifyFailedTitle', { title: record.title }),
        body:
          record.message === null
            ? t('notifyFailedNoMessage')
            : t('notifyFailedBody', { message: record.message }),
      };
    default:
      return assertNever(record.kind);
  }
}

function updateTitle(severity: NotificationRecord['severity']): string {
  switch (severity) {
    case 'critical':
      return t('notifyCriticalTitle');
    case 'important':
      return t('notifyImportantTitle');
    case null:
      return t('notifyUpdateTitle');
    default:
      return assertNever(severity);
  }
}

function updateBody(record: NotificationRecord): string {
  const available =
    record.version === null
      ? t('notifyUpdateNoVersion')
      : t('notifyUpdateVersion', { version: record.version });
  return record.securityAdvisories > 0
    ? `${available} ${tn('notifyAdvisories', record.securityAdvisories)}`
    : available;
}
