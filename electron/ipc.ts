/**
 * The one place handlers meet ipcMain. Every command channel of the
 * contract's table is registered here, behind the sender check and the
 * contract schema; feature code never touches ipcMain.
 *
 * Every reply is an envelope, `{ ok: true, value }` or `{ ok: false, error }`,
 * so the preload can tell a refused call from a command's own value and
 * Electron never has to serialise a thrown Error (it would lose the kind).
 */
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import type { CommandHandler, Unsubscribe } from '../daemon-bridge/contract/api.ts';
import { channelOf, commandNames, STATE_CHANNEL } from '../daemon-bridge/contract/commands.ts';
import type { Result } from '../daemon-bridge/contract/domain.ts';
import type { Logger } from '../daemon-bridge/logger.ts';
import { dispatchCommand, payloadSize } from '../daemon-bridge/dispatch.ts';
import { isAppUrl } from './app-protocol.ts';

export type SenderEvent = Pick<IpcMainInvokeEvent, 'senderFrame'>;

/** The part of ipcMain the wrapper uses. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: SenderEvent, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

/** True when the call comes from the top frame of a page of our own bundle. */
export function isTrustedSender(event: SenderEvent): boolean {
  const frame = event.senderFrame;
  // A null frame has navigated away or been destroyed since sending: not trusted.
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}

/** Registers every command channel; returns a function that removes them again. */
export function registerCommandIpc(
  ipcMain: IpcMainLike,
  handler: CommandHandler,
  log: Logger,
): () => void {
  for (const name of commandNames) {
    ipcMain.handle(channelOf(name), async (event, ...args): Promise<Result<unknown>> => {
      if (!isTrustedSender(event)) {
        log.warn(`ipc: refused ${name} from a frame outside the app bundle`);
        return {
          ok: false,
          error: { kind: 'not-authorized', message: 'The caller is not part of this app.' },
        };
      }
      const size = payloadSize(args);
      if (size === null)
        return {
          ok: false,
          error: { kind: 'invalid-input', message: `Payload for ${name} cannot be serialised` },
        };
      return dispatchCommand(handler, name, args, size);
    });
  }
  return () => {
    for (const name of commandNames) ipcMain.removeHandler(channelOf(name));
  };
}

export type StateTarget = Pick<WebContents, 'send' | 'isDestroyed' | 'once'>;

/** Pushes every new state snapshot to `contents` on STATE_CHANNEL until it is destroyed. */
export function forwardState(handler: CommandHandler, contents: StateTarget): Unsubscribe {
  const unsubscribe = handler.subscribe((state) => {
    if (!contents.isDestroyed()) contents.send(STATE_CHANNEL, state);
  });
  contents.once('destroyed', unsubscribe);
  return unsubscribe;
}
