import type { ReactNode } from 'react';
import { selectDaemonView } from '../store/snapshot/snapshot-selectors.ts';
import { useAppStore } from '../store/store-context.tsx';
import { AppHeader } from './app-header.tsx';
import { AppTabs } from './app-tabs.tsx';
import { DaemonNoticeView } from './daemon-notice.tsx';
import { DeploymentsView } from './deployments-view.tsx';
import { KernelArgsView } from './kernel-args-view.tsx';
import { LinkBanner } from './link-banner.tsx';
import { LiveRegion } from './live-region.tsx';
import { PackagesView } from './packages-view.tsx';
import { RebootView } from './reboot-view.tsx';
import { RefreshError } from './refresh-error.tsx';
import { SandboxBanner } from './sandbox-banner.tsx';
import { SettingsView } from './settings-view.tsx';
import { UpdatesView } from './updates-view.tsx';

/** The app: header, banners, the daemon's state, then the views in tabs. */
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
          {view.system ? (
            <AppTabs
              views={{
                updates: <UpdatesView />,
                deployments: <DeploymentsView stale={view.stale} />,
                packages: <PackagesView />,
                kernel: <KernelArgsView />,
                reboot: <RebootView />,
                settings: <SettingsView />,
              }}
            />
          ) : null}
        </div>
      </main>
      <LiveRegion />
    </div>
  );
}
