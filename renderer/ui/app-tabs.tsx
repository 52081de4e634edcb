import * as Tabs from '@radix-ui/react-tabs';
import type { ReactNode } from 'react';
import { t } from '../i18n/strings.ts';
import type { PlainStringKey } from '../i18n/strings.ts';
import type { AppTab } from '../store/nav/nav-slice.ts';
import { appTabs, isAppTab, selectTab } from '../store/nav/nav-slice.ts';
import { useAppStore } from '../store/store-context.tsx';

const tabLabels: { readonly [T in AppTab]: PlainStringKey } = {
  updates: 'tabUpdates',
  deployments: 'tabDeployments',
  packages: 'tabPackages',
  kernel: 'tabKernel',
  reboot: 'tabReboot',
  settings: 'tabSettings',
};

/**
 * The views. Radix gives the tablist roles and arrow-key focus; the chosen
 * tab lives in the store so it survives re-renders and tests can set it.
 * Only the chosen view is mounted.
 */
export function AppTabs(props: {
  readonly views: { readonly [T in AppTab]: ReactNode };
}): ReactNode {
  const tab = useAppStore(selectTab);
  const tabChanged = useAppStore((s) => s.tabChanged);
  return (
    <Tabs.Root
      className="tabs"
      value={tab}
      onValueChange={(value) => {
        if (isAppTab(value)) tabChanged(value);
      }}
    >
      <Tabs.List className="tabs__list" aria-label={t('tabsLabel')}>
        {appTabs.map((value) => (
          <Tabs.Trigger key={value} className="tabs__trigger" value={value}>
            {t(tabLabels[value])}
          </Tabs.Trigger>
        ))}
      </Tabs.List>
      {appTabs.map((value) => (
        <Tabs.Content key={value} className="tabs__panel" value={value}>
          {props.views[value]}
        </Tabs.Content>
      ))}
    </Tabs.Root>
  );
}
