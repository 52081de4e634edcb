import type { ReactNode } from 'react';
import { selectDaemonView } from '../store/snapshot/snapshot-selectors.ts';
import { useAppStore } from '../store/store-context.tsx';
import { AppHeader } from './app-header.tsx';
import { DaemonNoticeView } from './daemon-notice.tsx';
import { DeploymentsSection } from './deployments-section.tsx';
import { LinkBanner } from './link-banner.tsx';
import { LiveRegion } from './live-region.tsx';
import { RefreshError } from './refresh-error.tsx';
import { SandboxBanner } from './sandbox-banner.tsx';
import { TransactionNotice } from './transaction-notice.tsx';

/** The deployments screen: header, banners, the daemon's state, the list. */
export function App(): ReactNode {
  const view = useAppStore(selectDaemonView);
  return (
    <div className="app">
      <AppHeader />
      <main className="main">
        <SandboxBanner />
        <LinkBanner />
        <div className="content">
          <RefreshError />
          {view.notice ? (
            <DaemonNoticeView notice={view.notice} hasSystem={view.system !== null} />
          ) : null}
          <TransactionNotice />
          {view.system ? <DeploymentsSection stale={view.stale} /> : null}
        </div>
      </main>
      <LiveRegion />
    </div>
  );
}
