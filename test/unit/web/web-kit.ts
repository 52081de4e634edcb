/**
 * Test kit for the web transport: a fake CommandHandler (this is a transport
 * test, the manager is tested elsewhere), raw HTTP with any Host header, and
 * a WebSocket client that queues what the server sends.
 */
import { defaultDesktopSettings } from '../../../daemon-bridge/contract/desktop.ts';
import { request } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import WebSocket from 'ws';
import type { CommandHandler } from '../../../daemon-bridge/contract/api.ts';
import type {
  CommandArgs,
  CommandName,
  CommandResults,
} from '../../../daemon-bridge/contract/commands.ts';
import type { AppState } from '../../../daemon-bridge/contract/domain.ts';
import { blankState } from '../../support/app-state.ts';
import type { ServerMessage } from '../../../daemon-bridge/contract/web-protocol.ts';

export const STATE_A: AppState = blankState();
export const STATE_B: AppState = blankState({ daemon: { kind: 'absent', message: 'no daemon' } });

export interface FakeHandler extends CommandHandler {
  readonly calls: { name: CommandName; args: unknown }[];
  emit(state: AppState): void;
  listenerCount(): number;
}

/** Answers getState with the latest emitted state and every other command with a success. */
export function fakeHandler(initial: AppState = STATE_A): FakeHandler {
  let state = initial;
  const listeners = new Set<(s: AppState) => void>();
  const calls: { name: CommandName; args: unknown }[] = [];
  const done = { ok: true, value: null } as const;
  const results = (): CommandResults => ({
    getState: state,
    refresh: done,
    checkForUpdates: done,
    stageUpdate: done,
    cancelTransaction: done,
    rebootToApply: done,
    rollback: done,
    updateChanges: { ok: true, value: { changesId: '0123456789abcdef', changes: [] } },
    compareDeployments: { ok: true, value: [] },
    previewDeploy: {
      ok: true,
      value: { checksum: 'c', version: null, timestamp: null, changes: [] },
    },
    deployRevision: done,
    cleanup: done,
    dismissActivity: null,
    searchPackages: { ok: true, value: [] },
    changePackages: done,
    changeOverrides: done,
    resetPackageChanges: done,
    changeKernelArgs: done,
    setPinned: done,
    setAutomaticUpdatePolicy: done,
    changeDesktopSettings: { ok: true, value: defaultDesktopSettings },
    checkHealth: done,
    exportDiagnostics: {
      ok: true,
      value: { fileName: 'd.json', content: '{}\n', delivery: { kind: 'download' } },
    },
  });
  return {
    calls,
    handle<K extends CommandName>(name: K, args: CommandArgs<K>): Promise<CommandResults[K]> {
      calls.push({ name, args });
      return Promise.resolve(results()[name]);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit(next) {
      state = next;
      for (const l of listeners) l(next);
    },
    listenerCount: () => listeners.size,
  };
}

export interface HttpReply {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** GET with full control over the request line and headers (fetch cannot set Host). */
export function httpGet(
  port: number,
  path: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<HttpReply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method, headers: { host: `127.0.0.1:${port}`, ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

export interface TestSocket {
  readonly ws: WebSocket;
  /** The next message the server sends (waits for it). */
  next(): Promise<ServerMessage>;
  /** Messages received and not yet taken. */
  readonly queued: ServerMessage[];
  send(data: string): void;
  close(): Promise<void>;
}

/** Opens a socket; resolves once open, rejects with the HTTP status when the upgrade is refused. */
export function openSocket(
  url: string,
  options: { origin?: string; headers?: Record<string, string>; maxPayload?: number } = {},
): Promise<TestSocket> {
  const ws = new WebSocket(url, options);
  const queued: ServerMessage[] = [];
  const waiting: ((m: ServerMessage) => void)[] = [];
  ws.on('message', (data: Buffer) => {
    const message = JSON.parse(data.toString('utf8')) as ServerMessage;
    const w = waiting.shift();
    if (w) w(message);
    else queued.push(message);
  });
  const socket: TestSocket = {
    ws,
    queued,
    next: () =>
      new Promise((resolve) => {
        const m = queued.shift();
        if (m) resolve(m);
        else waiting.push(resolve);
      }),
    send: (data) => ws.send(data),
    close: () =>
      new Promise((resolve) => {
        if (ws.readyState === WebSocket.CLOSED) return resolve();
        ws.once('close', () => resolve());
        ws.close();
      }),
  };
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(socket));
    ws.once('unexpected-response', (_req, res) => {
      reject(new Error(`refused: ${res.statusCode}`));
      ws.terminate();
    });
    ws.once('error', reject);
  });
}

/** Resolves after `ms`; for "nothing more arrives" checks. */
export const settle = (ms = 50) => new Promise((r) => setTimeout(r, ms));
