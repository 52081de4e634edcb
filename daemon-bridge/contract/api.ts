/**
 * `UpdatesApi`: what the renderer sees as `window.updates` (Electron) or
 * gets from the WebSocket client (web mode). It cannot tell which.
 */
import type { CommandArgs, CommandName, CommandResults } from './commands.ts';
import type { AppScreen } from './desktop.ts';
import type { AppState } from './domain.ts';

export type Unsubscribe = () => void;

export type CommandMethods = {
  readonly [K in CommandName]: (...args: CommandArgs<K>) => Promise<CommandResults[K]>;
};

export interface UpdatesApi extends CommandMethods {
  /** Called with every new snapshot; returns its own unsubscribe. */
  onState(listener: (state: AppState) => void): Unsubscribe;
  /** Called when the main process asks for a screen (a clicked notification); web mode never does. */
  onNavigate(listener: (screen: AppScreen) => void): Unsubscribe;
}

/** The main-process side: what a transport calls into (the manager implements it). */
export interface CommandHandler {
  handle<K extends CommandName>(name: K, args: CommandArgs<K>): Promise<CommandResults[K]>;
  subscribe(listener: (state: AppState) => void): Unsubscribe;
}
