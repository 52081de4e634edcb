/**
 * The sandboxed preload (bundled to dist-electron/preload.cjs). Exposes one
 * object, `window.updates`, implementing the contract's UpdatesApi: one
 * purpose-named function per command of the table, plus `onState` and
 * `onNavigate`. Never
 * ipcRenderer itself, never a generic send.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRenderer, IpcRendererEvent } from 'electron';
import type { CommandMethods, UpdatesApi } from '../daemon-bridge/contract/api.ts';
import {
  channelOf,
  commandNames,
  NAVIGATE_CHANNEL,
  STATE_CHANNEL,
} from '../daemon-bridge/contract/channels.ts';
import type { CommandName } from '../daemon-bridge/contract/channels.ts';
import type { AppScreen } from '../daemon-bridge/contract/desktop.ts';
import type { AppState, Result } from '../daemon-bridge/contract/domain.ts';
import { replyKinds } from '../daemon-bridge/contract/reply-kinds.ts';

export type IpcRendererLike = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;

/**
 * Unwraps main's reply envelope (electron/ipc.ts). A refused call becomes
 * what the WebSocket client makes of it too: a failed `Result` for commands
 * that return one, else a rejection (across contextBridge only its message survives).
 */
function unwrap(name: CommandName, reply: Result<unknown>): unknown {
  if (reply.ok) return reply.value;
  if (replyKinds[name] === 'result') return reply;
  throw new Error(reply.error.message);
}

/** Builds the API over `ipc`; exported for tests. */
export function createUpdatesApi(ipc: IpcRendererLike): UpdatesApi {
  const methods = Object.fromEntries(
    commandNames.map((name) => [
      name,
      async (...args: unknown[]) =>
        unwrap(name, (await ipc.invoke(channelOf(name), ...args)) as Result<unknown>),
    ]),
  ) as unknown as CommandMethods;
  return {
    ...methods,
    onState(listener) {
      // The event (and the ipcRenderer it carries as `sender`) never reaches the page.
      const relay = (_event: IpcRendererEvent, state: AppState) => listener(state);
      ipc.on(STATE_CHANNEL, relay);
      return () => {
        ipc.removeListener(STATE_CHANNEL, relay);
      };
    },
    onNavigate(listener) {
      const relay = (_event: IpcRendererEvent, screen: AppScreen) => listener(screen);
      ipc.on(NAVIGATE_CHANNEL, relay);
      return () => {
        ipc.removeListener(NAVIGATE_CHANNEL, relay);
      };
    },
  };
}

contextBridge.exposeInMainWorld('updates', createUpdatesApi(ipcRenderer));
