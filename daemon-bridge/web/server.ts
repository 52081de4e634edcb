/**
 * Web mode: the renderer over HTTP and the contract over a WebSocket, on
 * 127.0.0.1 only, behind a random per-run token.
 */
import { createServer } from 'node:http';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { CommandHandler } from '../contract/api.ts';
import { MAX_PAYLOAD_BYTES } from '../contract/commands.ts';
import { WEB_SOCKET_PATH, WEB_TOKEN_PARAM } from '../contract/web-protocol.ts';
import type { Logger } from '../logger.ts';
import { handleHttpRequest, logRefusal, splitTarget } from './http-handler.ts';
import type { WebContext } from './http-handler.ts';
import { runSocketSession } from './socket-session.ts';
import { generateToken, isAllowedHost, isAllowedOrigin, tokensEqual } from './web-auth.ts';

export interface WebServerOptions {
  readonly handler: CommandHandler;
  /** The built renderer (`dist/renderer`). */
  readonly rendererDir: string;
  /** 0 or absent: a free port. */
  readonly port?: number;
  /** Absent: 32 random bytes, hex. */
  readonly token?: string;
  readonly log: Logger;
}

export interface WebServer {
  /** `http://127.0.0.1:<port>/`, without the token (safe to log). */
  readonly url: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

/**
 * Frames up to twice the contract's limit are read and answered with a
 * `rejected` (the size check in validateCommand); larger ones make `ws`
 * close the connection (1009) without buffering them.
 */
export const WS_MAX_PAYLOAD = 2 * MAX_PAYLOAD_BYTES;

/** Starts the server; resolves once it listens. */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? generateToken();
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('web: no TCP address');
  const port = address.port;
  const ctx: WebContext = { port, token, rendererDir: options.rendererDir, log: options.log };
  // Handlers go on after listen() because every check needs the real port;
  // no connection is processed before this continuation runs.
  server.on('request', (req, res) => void handleHttpRequest(req, res, ctx));
  const wss = new WebSocketServer({ noServer: true, maxPayload: WS_MAX_PAYLOAD });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // A client that resets mid-handshake must not take the process down.
    socket.on('error', () => socket.destroy());
    const refusal = upgradeRefusal(req, ctx);
    if (refusal === null) {
      wss.handleUpgrade(req, socket, head, (ws) =>
        runSocketSession(ws, { handler: options.handler, log: options.log }),
      );
      return;
    }
    logRefusal(ctx, 'WebSocket', splitTarget(req.url).pathname, refusal.reason);
    socket.end(`HTTP/1.1 ${refusal.status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  });
  const url = `http://127.0.0.1:${port}/`;
  options.log.info(`web: serving ${url} (open it with the token printed on stdout)`);

  return {
    url,
    port,
    token,
    async close() {
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Why a WebSocket upgrade is refused, or null to accept it. */
function upgradeRefusal(
  req: IncomingMessage,
  ctx: WebContext,
): { status: string; reason: string } | null {
  const { pathname, query } = splitTarget(req.url);
  if (!isAllowedHost(req.headers.host, ctx.port))
    return { status: '403 Forbidden', reason: 'foreign Host header' };
  if (!isAllowedOrigin(req.headers.origin, ctx.port))
    return { status: '403 Forbidden', reason: 'foreign or missing Origin' };
  if (pathname !== WEB_SOCKET_PATH) return { status: '404 Not Found', reason: 'unknown path' };
  const given = query.get(WEB_TOKEN_PARAM);
  if (given === null || !tokensEqual(given, ctx.token))
    return { status: '403 Forbidden', reason: 'missing or wrong token' };
  return null;
}

/**
 * Prints the one line scripts and people use to open web mode:
 * `URL: http://127.0.0.1:<port>/?token=<token>`. The only place the token is written.
 */
export function printWebUrl(
  server: Pick<WebServer, 'port' | 'token'>,
  write: (line: string) => void = (line) => process.stdout.write(line),
): void {
  write(`URL: http://127.0.0.1:${server.port}/?${WEB_TOKEN_PARAM}=${server.token}\n`);
}
