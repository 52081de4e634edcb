/**
 * The command table: every call the renderer can make toward the main
 * process, with the schema its arguments must pass. Preload, the Electron
 * IPC wrapper, the WebSocket server and the WebSocket client are all driven
 * by this one table; add a command to channels.ts and here first.
 */
import { z } from 'zod';
import type { CommandName } from './channels.ts';
import type { AppState, Result } from './domain.ts';

export { channelOf, commandNames, MAX_PAYLOAD_BYTES, STATE_CHANNEL } from './channels.ts';
export type { CommandName } from './channels.ts';

/** Argument schemas, as tuples. Objects inside use `.strict()` to refuse extra keys. */
export const commandArgs = {
  getState: z.tuple([]),
  refresh: z.tuple([]),
} satisfies { readonly [K in CommandName]: z.ZodTuple };

/** What each command resolves to. Expected failures come back as `Result`. */
export interface CommandResults {
  getState: AppState;
  refresh: Result<null>;
}

export type CommandArgs<K extends CommandName> = z.infer<(typeof commandArgs)[K]>;
