import type { ReactNode } from 'react';
import { t } from '../i18n/strings.ts';
import { selectDaemonIdentity } from '../store/snapshot/snapshot-selectors.ts';
import { useAppStore } from '../store/store-context.tsx';
import { Icon } from './icon.tsx';
import { RefreshButton } from './refresh-button.tsx';

/** The header bar: app title, which daemon we talk to, and Refresh. */
export function AppHeader(): ReactNode {
  const identity = useAppStore(selectDaemonIdentity);
  return (
    <header className="headerbar">
      <div className="headerbar__title">
        <Icon name="app" className="headerbar__icon" />
        <div>
          <h1 className="headerbar__heading">{t('appTitle')}</h1>
          {identity ? (
            <p className="headerbar__subtitle">
              {t('daemonIdentity', { flavour: identity.flavour, busName: identity.busName })}
            </p>
          ) : null}
        </div>
      </div>
      <RefreshButton />
    </header>
  );
}
