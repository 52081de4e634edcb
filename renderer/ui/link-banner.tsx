import type { ReactNode } from 'react';
import { t } from '../i18n/strings.ts';
import { selectLink } from '../store/snapshot/snapshot-selectors.ts';
import { useAppStore } from '../store/store-context.tsx';
import { Icon } from './icon.tsx';
import { Spinner } from './spinner.tsx';

/**
 * Shown while the link to the main process is down after having been up
 * (web mode). Before the first snapshot the big connecting state says it instead.
 */
export function LinkBanner(): ReactNode {
  const link = useAppStore(selectLink);
  const hasSnapshot = useAppStore((s) => s.app !== null);
  const reconnectRequested = useAppStore((s) => s.reconnectRequested);
  if (link.kind === 'open' || !hasSnapshot) return null;
  return (
    <div className="banner banner--warning" role="status">
      {link.kind === 'connecting' ? (
        <Spinner />
      ) : (
        <Icon name="disconnected" className="banner__icon" />
      )}
      <p className="banner__text">
        <strong>{t('linkLostTitle')}</strong>{' '}
        <span>{link.kind === 'connecting' ? t('linkConnecting') : t('linkLostBody')}</span>
      </p>
      {/* Stays mounted while reconnecting so keyboard focus is not dropped. */}
      <button
        type="button"
        className="button button--small"
        aria-disabled={link.kind !== 'closed'}
        onClick={reconnectRequested}
      >
        {t('linkRetryNow')}
      </button>
    </div>
  );
}
