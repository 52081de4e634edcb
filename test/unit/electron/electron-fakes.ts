/**
 * Hand-written stand-ins for the few Electron objects the main-process
 * modules receive. Each records what was done to it so tests can assert on it.
 */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';
import type { SenderEvent } from '../../../electron/ipc.ts';

/** An Electron-style event: `url` plus a preventDefault that is recorded. */
export function navEvent(url: string) {
  return {
    url,
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

export function fakeSession() {
  return {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
    webRequest: { onHeadersReceived: vi.fn() },
  };
}

export class FakeWebContents extends EventEmitter {
  readonly session = fakeSession();
  readonly setWindowOpenHandler = vi.fn();
  readonly send = vi.fn();
  destroyed = false;
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

export class FakeWindow extends EventEmitter {
  static created: FakeWindow[] = [];
  readonly webContents = new FakeWebContents();
  readonly loadURL = vi.fn(() => Promise.resolve());
  readonly show = vi.fn();
  readonly setBackgroundColor = vi.fn();
  readonly focus = vi.fn();
  readonly restore = vi.fn();
  minimized = false;
  constructor(readonly options: unknown) {
    super();
    FakeWindow.created.push(this);
  }
  isDestroyed(): boolean {
    return false;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
}

type Listener = (event: SenderEvent, ...args: unknown[]) => unknown;

/** ipcMain with `invoke(channel, event, ...args)` to play the renderer's part. */
export function fakeIpcMain() {
  const handlers = new Map<string, Listener>();
  return {
    handlers,
    handle: vi.fn((channel: string, listener: Listener) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, listener);
    }),
    removeHandler: vi.fn((channel: string) => handlers.delete(channel)),
    invoke(channel: string, event: SenderEvent, ...args: unknown[]): Promise<unknown> {
      const listener = handlers.get(channel);
      if (!listener) throw new Error(`no handler for ${channel}`);
      return Promise.resolve(listener(event, ...args));
    },
  };
}

/** A sender event as Electron builds it; `frame: null` models a destroyed frame. */
export function senderEvent(url: string | null, isMainFrame = true): SenderEvent {
  if (url === null) return { senderFrame: null };
  return { senderFrame: { url, parent: isMainFrame ? null : {} } } as unknown as SenderEvent;
}
