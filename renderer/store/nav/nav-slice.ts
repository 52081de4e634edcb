import type { SetState } from '../app-store.ts';

export const appTabs = [
  'updates',
  'deployments',
  'packages',
  'kernel',
  'reboot',
  'settings',
] as const;

export type AppTab = (typeof appTabs)[number];

export function isAppTab(value: string): value is AppTab {
  return (appTabs as readonly string[]).includes(value);
}

/** Which view the tabs show; in the store so tests and deep links can choose it. */
export interface NavSlice {
  readonly tab: AppTab;
  readonly tabChanged: (tab: AppTab) => void;
}

export function createNavSlice(set: SetState): NavSlice {
  return {
    tab: 'updates',
    tabChanged(tab) {
      set({ tab });
    },
  };
}

export const selectTab = (state: { readonly tab: AppTab }): AppTab => state.tab;
