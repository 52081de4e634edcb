import { useId } from 'react';
import type { ReactNode } from 'react';
import { formatTimestamp, isoTimestamp } from '../i18n/format.ts';
import { notificationText } from '../i18n/desktop-text.ts';
import { t } from '../i18n/strings.ts';
import { selectDesktop } from '../store/desktop/desktop-selectors.ts';
import { useAppStore } from '../store/store-context.tsx';
import { Icon } from './icon.tsx';

/**
 * The notifications the app raised, newest first: the same records the
 * desktop's notifications were drawn from, so nothing shown there is lost
 * when a notification is dismissed (and web mode, which has none, shows them here).
 */
export function NotificationHistory(): ReactNode {
  const desktop = useAppStore(selectDesktop);
  const headingId = useId();
  if (!desktop) return null;
  const { notifications, settings } = desktop;
  return (
    <section className="card settings-section" aria-labelledby={headingId}>
      <h3 id={headingId} className="subheading">
        {t('notificationsHeading')}
      </h3>
      {settings.quiet ? <p className="muted section-note">{t('notificationsQuietNote')}</p> : null}
      {notifications.length === 0 ? (
        <p className="muted">{t('notificationsEmpty')}</p>
      ) : (
        <ul className="notification-list" aria-labelledby={headingId}>
          {notifications.map((record) => {
            const text = notificationText(record);
            const seconds = Math.floor(record.at / 1000);
            return (
              <li
                key={record.key}
                className={`notification-item notification-item--${record.kind}`}
              >
                <Icon name={record.kind === 'failed' ? 'warning' : 'info'} />
                <span className="notification-item__title">{text.title}</span>
                <span className="notification-item__body">{text.body}</span>
                <time className="notification-item__time muted" dateTime={isoTimestamp(seconds)}>
                  {formatTimestamp(seconds)}
                </time>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
