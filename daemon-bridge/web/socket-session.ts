/**
 * One web-mode WebSocket connection: pushes every state snapshot, answers
 * `call` messages through the shared dispatcher. Untrusted input is parsed
 * once, here; nothing a client sends can close the connection except a
 * frame larger than `maxPayload` (refused by `ws` itself).
 */
import type { RawData, WebSocket } from 'ws';
import type { CommandHandler } from '../contract/api.ts';
import type { AppError, AppState } from '../contract/domain.ts';
import { clientMessage } from '../contract/web-protocol.ts';
import type { ServerMessage } from '../contract/web-protocol.ts';
import type { Logger } from '../logger.ts';
import { dispatchCommand } from '../dispatch.ts';

/** Calls one connection may have waiting; the manager serialises commands, so more only queue. */
export const MAX_IN_FLIGHT = 32;

export type CheckedFrame =
  | { readonly ok: true; readonly id: number; readonly command: string; readonly args: unknown[] }
  | { readonly ok: false; readonly id: number | null; readonly error: AppError };

const invalid = (id: number | null, message: string): CheckedFrame => ({
  ok: false,
  id,
  error: { kind: 'invalid-input', message },
});

/** Parses one text frame into a call envelope (the command's arguments are checked later). */
export function checkClientFrame(text: string): CheckedFrame {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return invalid(null, 'Malformed JSON');
  }
  const parsed = clientMessage.safeParse(raw);
  if (parsed.success) return { ok: true, ...parsed.data };
  // Echo the id when it is usable, so the client can fail the right call.
  const id = (raw as { id?: unknown } | null)?.id;
  const echo = typeof id === 'number' && Number.isSafeInteger(id) && id >= 0 ? id : null;
  return invalid(echo, `Malformed message: ${parsed.error.issues[0]?.message ?? 'rejected'}`);
}

export interface SessionOptions {
  readonly handler: CommandHandler;
  readonly log: Logger;
}

/** Serves `socket` until it closes. */
export function runSocketSession(socket: WebSocket, options: SessionOptions): void {
  let inFlight = 0;
  let pushed = false;
  const send = (message: ServerMessage) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
  };
  const unsubscribe = options.handler.subscribe((state: AppState) => {
    pushed = true;
    send({ type: 'state', state });
  });
  socket.once('close', unsubscribe);
  // ws reports an oversized or invalid frame as 'error' (then closes with
  // 1009/1002); without a listener that error would crash the process.
  socket.on('error', (err) => options.log.warn(`web: WebSocket closed: ${err.message}`));

  // The first snapshot. Every change is pushed, so once a push has gone out
  // the client already holds the newest state and this (possibly older) one is dropped.
  options.handler.handle('getState', []).then(
    (state) => {
      if (!pushed) send({ type: 'state', state });
    },
    (err: unknown) => options.log.error(`web: cannot read the initial state: ${String(err)}`),
  );

  socket.on('message', (data: RawData, isBinary: boolean) => {
    const text = isBinary ? null : rawText(data);
    const frame =
      text === null ? invalid(null, 'Binary frames are not accepted') : checkClientFrame(text);
    if (!frame.ok) return send({ type: 'rejected', id: frame.id, error: frame.error });
    if (inFlight >= MAX_IN_FLIGHT)
      return send({
        type: 'rejected',
        id: frame.id,
        error: { kind: 'daemon-busy', message: `More than ${MAX_IN_FLIGHT} calls are waiting` },
      });
    inFlight++;
    const size = Buffer.byteLength(text ?? '', 'utf8');
    void dispatchCommand(options.handler, frame.command, frame.args, size).then((result) => {
      inFlight--;
      send(
        result.ok
          ? { type: 'reply', id: frame.id, value: result.value }
          : { type: 'rejected', id: frame.id, error: result.error },
      );
    });
  });
}

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data instanceof ArrayBuffer ? new Uint8Array(data) : data).toString('utf8');
}
