/**
 * Renderer entry: choose the transport once, build the store around it,
 * open the one inbound pipe, render.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { t } from './i18n/strings.ts';
import { createAppStore } from './store/app-store.ts';
import { connectTransport } from './store/connect-transport.ts';
import { StoreProvider } from './store/store-context.tsx';
import { chooseTransport } from './transport/choose-transport.ts';
import { App } from './ui/app.tsx';
import './styles/tokens.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/controls.css';
import './styles/pills.css';
import './styles/notice.css';
import './styles/deployments.css';
import './styles/tabs.css';
import './styles/updates.css';
import './styles/dialogs.css';
import './styles/diff.css';
import './styles/deployment-tools.css';
import './styles/packages.css';
import './styles/kargs.css';
import './styles/reboot.css';
import './styles/settings.css';

document.title = t('appTitle');

const transport = chooseTransport(window);
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
