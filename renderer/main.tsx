/**
 * Renderer entry, kept small so it runs as soon as the page has parsed: in
 * web mode it opens the WebSocket at once, then loads the rest of the UI
 * (start-app.tsx), so connecting and the bridge's first snapshot overlap
 * that download instead of following it. The styles stay here, linked from
 * index.html.
 */
import { prepareTimestampFormat } from './i18n/intl-cache.ts';
import { openEarlySocket } from './transport/early-socket.ts';
import { webSocketUrl } from './transport/web-url.ts';
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
import './styles/health.css';

// Electron's preload sets window.updates; without it the page is served by web mode.
const early = window.updates ? null : openEarlySocket(webSocketUrl(window.location));
const app = import('./start-app.tsx');
// The first Intl formatter of a page is slow to make; the first screen needs
// this one, and the main thread is idle while the UI's code downloads.
prepareTimestampFormat();
void app.then(({ startApp }) => startApp(early));
