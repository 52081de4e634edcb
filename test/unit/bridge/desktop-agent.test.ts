import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HelperStatus, NotificationRecord } from '../../../daemon-bridge/contract/desktop.ts';
import type { AppState, Result } from '../../../daemon-bridge/contract/domain.ts';
import { DesktopAgent } from '../../../daemon-bridge/desktop/desktop-agent.ts';
import type { HelperLike, ManagerLike } from '../../../daemon-bridge/desktop/desktop-agent.ts';
import { DESKTOP_STATE_FILE, DesktopStore } from '../../../daemon-bridge/desktop/desktop-store.ts';
import type { DesktopPort, PinTarget } from '../../../daemon-bridge/desktop-port.ts';
import { silentLogger } from '../../../daemon-bridge/logger.ts';
import { blankState } from '../../support/app-state.ts';
import { tempDir } from '../../support/temp-dir.ts';
import { readyState, typicalSystem, unstagedSystem } from '../renderer/fixtures.ts';

/** The manager's state holder, without a daemon behind it. */
class FakeManager implements ManagerLike {
  snapshot: AppState = blankState();
  desktopPort: DesktopPort | null = null;
  private readonly listeners = new Set<(s: AppState) => void>();
  subscribe(listener: (s: AppState) => void) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  setDesktop(desktop: AppState['desktop']) {
    this.push({ ...this.snapshot, desktop });
  }
  connectDesktop(port: DesktopPort | null) {
    this.desktopPort = port;
  }
  /** A new daemon-side state, keeping the desktop part as the manager does. */
  daemonState(state: AppState) {
    this.push({ ...state, desktop: this.snapshot.desktop });
  }
  private push(state: AppState) {
    this.snapshot = state;
    for (const l of this.listeners) l(state);
  }
}

class FakeHelper implements HelperLike {
  pins: PinTarget[] = [];
  policies: string[] = [];
  answer: Result<null> = { ok: true, value: null };
  private listener: ((s: HelperStatus) => void) | null = null;
  stopped = false;
  pin(target: PinTarget) {
    this.pins.push(target);
    this.listener?.({ kind: 'running' });
    return Promise.resolve(this.answer);
  }
  setAutomaticUpdatePolicy(policy: string) {
    this.policies.push(policy);
    return Promise.resolve(this.answer);
  }
  onStatus(listener: (s: HelperStatus) => void) {
    this.listener = listener;
    return () => (this.listener = null);
  }
  stop() {
    this.stopped = true;
    return Promise.resolve();
  }
}

describe('DesktopAgent', () => {
  let dir: { path: string; remove(): void };
  let manager: FakeManager;
  let helper: FakeHelper;
  let autostart: ReturnType<typeof vi.fn<(enabled: boolean) => Promise<void>>>;
  const clock = { now: () => 1_800_000_000_000 };

  beforeEach(() => {
    dir = tempDir('desktop-agent');
    manager = new FakeManager();
    helper = new FakeHelper();
    autostart = vi.fn<(enabled: boolean) => Promise<void>>(() => Promise.resolve());
  });
  afterEach(() => dir.remove());

  const start = () =>
    DesktopAgent.start({
      manager,
      store: DesktopStore.inDir(dir.path, silentLogger),
      log: silentLogger,
      clock,
      helper,
      autostart,
      background: null,
    });
  const saved = () =>
    JSON.parse(readFileSync(join(dir.path, DESKTOP_STATE_FILE), 'utf8')) as {
      notifiedKeys: string[];
      records: NotificationRecord[];
      settings: Record<string, boolean>;
    };

  it('keeps the tray in the state and raises a staged notice once, persisted', async () => {
    const agent = await start();
    const seen: NotificationRecord[] = [];
    agent.onNotification((r) => seen.push(r));
    expect(manager.desktopPort).toBe(agent);
    expect(manager.snapshot.desktop.tray.status).toBe('no-daemon');

    manager.daemonState(readyState(unstagedSystem()));
    expect(manager.snapshot.desktop.tray.status).toBe('up-to-date');
    manager.daemonState(readyState(typicalSystem()));
    manager.daemonState(readyState(typicalSystem()));
    expect(manager.snapshot.desktop.tray.status).toBe('staged');
    expect(seen.map((r) => r.kind)).toEqual(['staged']);
    expect(manager.snapshot.desktop.notifications).toEqual(seen);
    await agent.stop();
    expect(helper.stopped).toBe(true);
    expect(saved().records).toEqual(seen);

    // A restart with the same staged deployment: the record is back, no new notice.
    const again = await start();
    const later: NotificationRecord[] = [];
    again.onNotification((r) => later.push(r));
    manager.daemonState(readyState(typicalSystem()));
    expect(later).toEqual([]);
    expect(manager.snapshot.desktop.notifications).toEqual(seen);
    await again.stop();
  });

  it('changes settings, switching the autostart entry only when that setting changes', async () => {
    const agent = await start();
    const quiet = await agent.changeSettings({ quiet: true });
    expect(quiet).toEqual({
      ok: true,
      value: { quiet: true, autostart: false, backgroundChecks: true },
    });
    expect(autostart).not.toHaveBeenCalled();
    await agent.changeSettings({ autostart: true });
    expect(autostart).toHaveBeenCalledWith(true);
    expect(manager.snapshot.desktop.settings).toEqual({
      quiet: true,
      autostart: true,
      backgroundChecks: true,
    });
    await agent.stop();
    expect(saved().settings).toEqual({ quiet: true, autostart: true, backgroundChecks: true });
  });

  it('keeps the old settings when the autostart entry cannot be written', async () => {
    autostart.mockRejectedValueOnce(new Error('EACCES: permission denied'));
    const agent = await start();
    const result = await agent.changeSettings({ autostart: true });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.message).toContain('permission denied');
    expect(manager.snapshot.desktop.settings.autostart).toBe(false);
    await agent.stop();
  });

  it('passes pin and policy requests to the helper and shows its status', async () => {
    const agent = await start();
    const target = {
      index: 1,
      osname: 'fedora',
      checksum: 'c'.repeat(64),
      serial: 0,
      pinned: true,
    };
    expect(await agent.setPinned(target)).toEqual({ ok: true, value: null });
    expect(helper.pins).toEqual([target]);
    expect(manager.snapshot.desktop.helper).toEqual({ kind: 'running' });
    helper.answer = {
      ok: false,
      error: { kind: 'not-authorized', message: 'Authorization was refused.' },
    };
    expect(await agent.setAutomaticUpdatePolicy('stage')).toEqual(helper.answer);
    expect(helper.policies).toEqual(['stage']);
    await agent.stop();
  });

  it('answers why when there is no helper or no autostart in this mode', async () => {
    const agent = await DesktopAgent.start({
      manager,
      store: DesktopStore.inDir(dir.path, silentLogger),
      log: silentLogger,
      clock,
      helper: null,
      autostart: null,
      background: null,
    });
    const pinned = await agent.setPinned({
      index: 0,
      osname: 'f',
      checksum: 'a'.repeat(64),
      serial: 0,
      pinned: true,
    });
    expect(pinned).toMatchObject({ ok: false, error: { kind: 'daemon-unavailable' } });
    expect(await agent.changeSettings({ autostart: true })).toMatchObject({
      ok: false,
      error: { kind: 'invalid-input' },
    });
    await agent.stop();
  });

  it('starts from defaults when the remembered file is malformed', async () => {
    writeFileSync(join(dir.path, DESKTOP_STATE_FILE), '{"version":1,"settings":{"quiet":"yes"}}');
    const agent = await start();
    expect(manager.snapshot.desktop.settings.quiet).toBe(false);
    await agent.stop();
  });
});
