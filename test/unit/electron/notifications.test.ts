import { EventEmitter } from 'node:events';
import type { NotificationConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { NotificationRecord } from '../../../daemon-bridge/contract/desktop.ts';
import { silentLogger } from '../../../daemon-bridge/logger.ts';
import {
  createNotificationPresenter,
  notificationUrgency,
} from '../../../electron/notifications.ts';
import type { NotificationCtor } from '../../../electron/notifications.ts';

vi.mock('electron', () => {
  throw new Error('notifications.ts must get Electron injected');
});

const record = (over: Partial<NotificationRecord>): NotificationRecord => ({
  key: 'staged:1',
  kind: 'staged',
  at: 0,
  version: '43.2',
  severity: null,
  securityAdvisories: 0,
  title: null,
  message: null,
  screen: 'reboot',
  ...over,
});

function setup(supported = true) {
  const shown: FakeNotification[] = [];
  class FakeNotification extends EventEmitter {
    static isSupported = () => supported;
    readonly show = vi.fn();
    constructor(readonly options: NotificationConstructorOptions) {
      super();
      shown.push(this);
    }
  }
  const openScreen = vi.fn();
  const log = { ...silentLogger, warn: vi.fn(), info: vi.fn() };
  const presenter = createNotificationPresenter({
    Notification: FakeNotification as unknown as NotificationCtor,
    iconPath: '/app/assets/icons/256x256.png',
    openScreen,
    log,
  });
  return { presenter, shown, openScreen, log };
}

describe('createNotificationPresenter', () => {
  it('shows the record with its text, the app icon and an urgency', () => {
    const { presenter, shown } = setup();
    presenter.present(record({}));
    expect(shown.map((n) => [n.options, n.show.mock.calls.length])).toEqual([
      [
        {
          title: 'Update staged — restart to apply',
          body: '43.2 is ready and starts when you restart the computer.',
          icon: '/app/assets/icons/256x256.png',
          urgency: 'normal',
        },
        1,
      ],
    ]);
  });

  it("opens the record's screen when clicked", () => {
    const { presenter, shown, openScreen } = setup();
    presenter.present(record({ kind: 'failed', title: 'Upgrade', screen: 'updates' }));
    shown[0]?.emit('click', {});
    expect(openScreen.mock.calls).toEqual([['updates']]);
  });

  it('holds a shown notification until it is clicked, closed or fails', () => {
    const { presenter, shown, log } = setup();
    for (const key of ['a', 'b', 'c']) presenter.present(record({ key }));
    expect(presenter.held()).toBe(3);
    shown[0]?.emit('click', {});
    shown[1]?.emit('close', {});
    shown[2]?.emit('failed', {}, 'no notification server');
    expect(presenter.held()).toBe(0);
    expect(log.warn).toHaveBeenCalledWith(
      'notification c could not be shown: no notification server',
    );
  });

  it('holds a bounded number, in case a server never reports a close', () => {
    const { presenter } = setup();
    for (let i = 0; i < 25; i++) presenter.present(record({ key: String(i) }));
    expect(presenter.held()).toBe(10);
  });

  it('shows nothing where notifications are not supported', () => {
    const { presenter, shown } = setup(false);
    presenter.present(record({}));
    expect(shown).toEqual([]);
  });
});

describe('notificationUrgency', () => {
  it('is critical for failures and critical security updates only', () => {
    expect(
      [
        record({ kind: 'staged' }),
        record({ kind: 'failed' }),
        record({ kind: 'important-update', severity: 'critical', securityAdvisories: 2 }),
        record({ kind: 'important-update', severity: 'important', securityAdvisories: 2 }),
        record({ kind: 'important-update' }),
      ].map(notificationUrgency),
    ).toEqual(['normal', 'critical', 'critical', 'normal', 'normal']);
  });
});
