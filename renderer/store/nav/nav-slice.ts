import type { SetState } from '../app-store.ts';

export type AppTab = 'updates' | 'deployments';

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
