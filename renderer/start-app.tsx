/**
 * The UI, loaded by main.tsx: choose the transport once (taking the
 * WebSocket main.tsx opened, if any), build the store around it, open the
 * one inbound pipe, render.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { prepareTransferFormats } from './i18n/format-transfer.ts';
import { t } from './i18n/strings.ts';
import { createAppStore } from './store/app-store.ts';
import type { AppStoreApi } from './store/app-store.ts';
import { connectTransport } from './store/connect-transport.ts';
import { prepareDiffView } from './store/diff/diff-view.ts';
import { StoreProvider } from './store/store-context.tsx';
import { chooseTransport } from './transport/choose-transport.ts';
import type { EarlySocket } from './transport/early-socket.ts';
import { App } from './ui/app.tsx';

export function startApp(early: EarlySocket | null): void {
  document.title = t('appTitle');

  const transport = chooseTransport(window, early);
  const store = createAppStore({
    api: transport.api,
    reconnect: () => transport.reconnect(),
    clipboard: { writeText: (text) => navigator.clipboard.writeText(text) },
  });
  connectTransport(transport, store);

  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  createRoot(root).render(
    <StrictMode>
      <StoreProvider store={store}>
        <App />
      </StoreProvider>
    </StrictMode>,
  );
  // Once the first screen is up: the activity panel's formatters, so the
  // first progress update does not pay for setting them up.
  requestIdleCallback(prepareTransferFormats);
  prepareUpdateDiffWhenIdle(store);
}

/**
 * Each new update's package rows are asked for, and their unfiltered view
 * derived, when the UI is idle: not in the first state (they can be over a
 * megabyte) and not when the sheet opens.
 */
function prepareUpdateDiffWhenIdle(store: AppStoreApi): void {
  let asked: string | null = null;
  let prepared: unknown = null;
  store.subscribe((state) => {
    const update = state.app?.system?.cachedUpdate;
    if (update && update.changeCount > 0 && update.changesId !== asked) {
      const { changesId } = update;
      asked = changesId;
      requestIdleCallback(() => void store.getState().updateChangesWanted(changesId));
    }
    const load = state.updateChanges;
    if (load.kind !== 'loaded' || load.changes === prepared) return;
    const { changes } = load;
    prepared = changes;
    requestIdleCallback(() => prepareDiffView(changes));
  });
}
