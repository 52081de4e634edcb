import type { ReactNode } from 'react';
import { t } from '../i18n/strings.ts';
import { selectMode } from '../store/snapshot/snapshot-selectors.ts';
import { useAppStore } from '../store/store-context.tsx';
import { Icon } from './icon.tsx';

/** Always visible in sandbox mode, so nobody mistakes the demo system for their own. */
export function SandboxBanner(): ReactNode {
  const mode = useAppStore(selectMode);
  if (mode?.kind !== 'sandbox') return null;
  const body =
    mode.reason === 'requested'
      ? t('sandboxRequested', { dir: mode.dir })
      : t('sandboxNoDaemon', { dir: mode.dir });
  return (
    <aside className="banner banner--sandbox" aria-label={t('sandboxTitle')}>
      <Icon name="sandbox" className="banner__icon" />
      <p className="banner__text">
        <strong>{t('sandboxTitle')}</strong> <span>{body}</span>
      </p>
    </aside>
  );
}
