/**
 * Shows a desktop notification for a NotificationRecord (on Linux Electron
 * speaks the freedesktop notification protocol). Which records to raise,
 * and when, is daemon-bridge's decision (desktop/notification-policy.ts);
 * this only presents one and opens its screen when it is clicked.
 */
import type { Notification, NotificationConstructorOptions } from 'electron';
import type { AppScreen, NotificationRecord } from '../daemon-bridge/contract/desktop.ts';
import type { Logger } from '../daemon-bridge/logger.ts';
import { notificationText } from '../renderer/i18n/desktop-text.ts';

export type NotificationLike = Pick<Notification, 'show' | 'on'>;

export interface NotificationCtor {
  new (options: NotificationConstructorOptions): NotificationLike;
  isSupported(): boolean;
}

export interface NotificationDeps {
  readonly Notification: NotificationCtor;
  /** The app icon (assets/icons/<n>x<n>.png). */
  readonly iconPath: string;
  /** Opens the window on `screen`. */
  readonly openScreen: (screen: AppScreen) => void;
  readonly log: Logger;
}

export interface NotificationPresenter {
  present(record: NotificationRecord): void;
  /** How many shown notifications are still held (for tests). */
  held(): number;
}

/**
 * Notifications shown and not yet closed are held here: a notification
 * object that is garbage-collected no longer delivers its 'click'. Bounded,
 * in case a notification server never reports a close.
 */
const MAX_HELD = 10;

/** Freedesktop urgency: critical ones stay until the user acts on them. */
export function notificationUrgency(record: NotificationRecord): 'normal' | 'critical' {
  if (record.kind === 'failed') return 'critical';
  return record.kind === 'important-update' && record.severity === 'critical'
    ? 'critical'
    : 'normal';
}

export function createNotificationPresenter(deps: NotificationDeps): NotificationPresenter {
  const shown: NotificationLike[] = [];
  const release = (n: NotificationLike) => {
    const at = shown.indexOf(n);
    if (at >= 0) shown.splice(at, 1);
  };

  return {
    present(record) {
      if (!deps.Notification.isSupported()) {
        deps.log.info(`notifications are not supported here; not shown: ${record.key}`);
        return;
      }
      const { title, body } = notificationText(record);
      const notification = new deps.Notification({
        title,
        body,
        icon: deps.iconPath,
        urgency: notificationUrgency(record),
      });
      notification.on('click', () => {
        release(notification);
        deps.openScreen(record.screen);
      });
      notification.on('close', () => release(notification));
      notification.on('failed', (_event, error) => {
        release(notification);
        deps.log.warn(`notification ${record.key} could not be shown: ${error}`);
      });
      shown.push(notification);
      if (shown.length > MAX_HELD) shown.shift();
      notification.show();
    },
    held: () => shown.length,
  };
}
