/**
 * Validate-then-call, shared by both transports (Electron IPC and the
 * WebSocket) so an untrusted payload is checked in exactly one way.
 */
import type { CommandHandler } from './contract/api.ts';
import type { Result } from './contract/domain.ts';
import { validateCommand } from './contract/validate.ts';
import { toAppError } from './errors.ts';

/**
 * Checks `name` and `args` with the contract schema and runs the command.
 * Resolves `{ ok: false }` for a rejected payload or a handler that threw;
 * never rejects. The command's own result (often itself a `Result`) is the
 * `value` of an `ok` envelope.
 */
export async function dispatchCommand(
  handler: CommandHandler,
  name: unknown,
  args: unknown,
  size?: number,
): Promise<Result<unknown>> {
  const checked = validateCommand(name, args, size);
  if (!checked.ok) return checked;
  try {
    const value = await handler.handle(checked.name, checked.args);
    return { ok: true, value };
  } catch (err) {
    return { ok: false, error: toAppError(err) };
  }
}

/** Serialised size of an argument list, or null when it cannot be serialised (cycles, BigInt). */
export function payloadSize(args: unknown): number | null {
  try {
    const json = JSON.stringify(args);
    return json === undefined ? 0 : Buffer.byteLength(json, 'utf8');
  } catch {
    return null;
  }
}
