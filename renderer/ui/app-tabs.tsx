import * as Tabs from '@radix-ui/react-tabs';
import type { ReactNode } from 'react';
import { t } from '../i18n/strings.ts';
import type { AppTab } from '../store/nav/nav-slice.ts';
import { selectTab } from '../store/nav/nav-slice.ts';
import { useAppStore } from '../store/store-context.tsx';

function isTab(value: string): value is AppTab {
  return value === 'updates' || value === 'deployments';
}

/**
 * The two views. Radix gives the tablist roles and arrow-key focus; the
 * chosen tab lives in the store so it survives re-renders and tests can set it.
 */
export function AppTabs(props: {
  readonly updates: ReactNode;
  readonly deployments: ReactNode;
}): ReactNode {
  const tab = useAppStore(selectTab);
  const tabChanged = useAppStore((s) => s.tabChanged);
  return (
    <Tabs.Root
      className="tabs"
      value={tab}
      onValueChange={(value) => {
        if (isTab(value)) tabChanged(value);
      }}
    >
      <Tabs.List className="tabs__list" aria-label={t('tabsLabel')}>
        <Tabs.Trigger className="tabs__trigger" value="updates">
          {t('tabUpdates')}
        </Tabs.Trigger>
        <Tabs.Trigger className="tabs__trigger" value="deployments">
          {t('tabDeployments')}
        </Tabs.Trigger>
      </Tabs.List>
      <Tabs.Content className="tabs__panel" value="updates">
        {props.updates}
      </Tabs.Content>
      <Tabs.Content className="tabs__panel" value="deployments">
        {props.deployments}
      </Tabs.Content>
    </Tabs.Root>
  );
}
