/**
 * The command table: every call the renderer can make toward the main
 * process, with the schema its arguments must pass. Preload, the Electron
 * IPC wrapper, the WebSocket server and the WebSocket client are all driven
 * by this one table; add a command here first.
 */
import { z } from 'zod';
import type { AppState, Result } from './domain.ts';

/** Argument schemas, as tuples. `.strict()` objects reject extra keys. */
export const commandArgs = {
  getState: z.tuple([]),
  refresh: z.tuple([]),
} as const;

export type CommandName = keyof typeof commandArgs;

/** What each command resolves to. Expected failures come back as `Result`. */
export interface CommandResults {
  getState: AppState;
  refresh: Result<null>;
}

export type CommandArgs<K extends CommandName> = z.infer<(typeof commandArgs)[K]>;

export const commandNames = Object.keys(commandArgs) as readonly CommandName[];

/** IPC channel of a command, e.g. `updates:get-state`. */
export function channelOf(name: CommandName): string {
  return `updates:${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/** Channel the main process pushes state snapshots on. */
export const STATE_CHANNEL = 'updates:state';

/** Upper bound for one inbound message (WebSocket frame or IPC payload, serialised). */
export const MAX_PAYLOAD_BYTES = 64 * 1024;
