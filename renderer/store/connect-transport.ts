import type { Unsubscribe } from '../../daemon-bridge/contract/api.ts';
import type { Transport } from '../transport/transport.ts';
import type { AppStoreApi } from './app-store.ts';

/**
 * The one inbound pipe: transport events become store actions. Each time
 * the link opens, the current snapshot is requested, because the main
 * process pushes only changes; the web server sends it unasked.
 */
export function connectTransport(transport: Transport, store: AppStoreApi): Unsubscribe {
  const actions = store.getState();
  const stopState = transport.onState(actions.stateReceived);
  // A clicked notification (Electron) names the screen to show.
  const stopNavigate = transport.api.onNavigate((screen) => actions.tabChanged(screen));
  const stopLink = transport.onLink((status) => {
    actions.linkChanged(status);
    if (status.kind === 'open' && !transport.snapshotOnOpen) void actions.stateRequested();
  });
  return () => {
    stopState();
    stopNavigate();
    stopLink();
  };
}
