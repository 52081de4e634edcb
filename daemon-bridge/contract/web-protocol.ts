/**
 * Messages on the web-mode WebSocket. Client → server messages are checked
 * with `clientMessage`; server → client messages are trusted by the client.
 */
import { z } from 'zod';
import type { AppError, AppState } from './domain.ts';

export const clientMessage = z
  .object({
    type: z.literal('call'),
    id: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
    command: z.string().max(64),
    args: z.array(z.unknown()).max(16),
  })
  .strict();

export type ClientMessage = z.infer<typeof clientMessage>;

export type ServerMessage =
  | { readonly type: 'state'; readonly state: AppState }
  | { readonly type: 'reply'; readonly id: number; readonly value: unknown }
  | { readonly type: 'rejected'; readonly id: number | null; readonly error: AppError };

export { WEB_SOCKET_PATH, WEB_TOKEN_PARAM } from './channels.ts';
