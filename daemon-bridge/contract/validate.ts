/**
 * One place where untrusted command payloads are checked. Used by the
 * Electron IPC wrapper and the WebSocket server alike.
 */
import { commandArgs, commandNames, MAX_PAYLOAD_BYTES } from './commands.ts';
import type { CommandArgs, CommandName } from './commands.ts';
import type { AppError } from './domain.ts';

export type Validated =
  | { readonly ok: true; readonly name: CommandName; readonly args: CommandArgs<CommandName> }
  | { readonly ok: false; readonly error: AppError };

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function hasForbiddenKey(value: unknown, depth = 0): boolean {
  if (depth > 32) return true;
  if (value === null || typeof value !== 'object') return false;
  for (const key of Reflect.ownKeys(value)) {
    if (typeof key === 'string' && FORBIDDEN_KEYS.has(key)) return true;
    if (hasForbiddenKey((value as Record<PropertyKey, unknown>)[key], depth + 1)) return true;
  }
  return false;
}

function invalid(message: string): Validated {
  return { ok: false, error: { kind: 'invalid-input', message } };
}

export function isCommandName(value: unknown): value is CommandName {
  return typeof value === 'string' && (commandNames as readonly string[]).includes(value);
}

/**
 * Checks a command name and its raw argument list from an untrusted sender.
 * `size` is the serialised size when the transport knows it.
 */
export function validateCommand(name: unknown, args: unknown, size?: number): Validated {
  if (!isCommandName(name)) return invalid(`Unknown command: ${String(name).slice(0, 64)}`);
  if (size !== undefined && size > MAX_PAYLOAD_BYTES)
    return invalid(`Payload of ${size} bytes is larger than ${MAX_PAYLOAD_BYTES}`);
  if (hasForbiddenKey(args)) return invalid(`Payload for ${name} carries a forbidden key`);
  const parsed = commandArgs[name].safeParse(args);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    return invalid(`Invalid arguments for ${name}${where}: ${issue?.message ?? 'rejected'}`);
  }
  return { ok: true, name, args: parsed.data };
}
