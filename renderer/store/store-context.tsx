import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';
import { useStore } from 'zustand';
import type { AppStore, AppStoreApi } from './app-store.ts';

const StoreContext = createContext<AppStoreApi | null>(null);

/** Hands the store to the tree; the store is made once at startup and passed in. */
export function StoreProvider(props: {
  readonly store: AppStoreApi;
  readonly children: ReactNode;
}): ReactNode {
  return <StoreContext value={props.store}>{props.children}</StoreContext>;
}

/** Reads from the store with a selector; re-renders when the selected value changes. */
export function useAppStore<T>(selector: (state: AppStore) => T): T {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useAppStore needs a StoreProvider above it');
  return useStore(store, selector);
}
