import { describe, expect, it } from 'vitest';
import type { NotificationRecord, TrayState } from '../../../daemon-bridge/contract/desktop.ts';
import {
  formatPercent,
  notificationText,
  rebootConfirmText,
  trayMenuLabels,
  trayTooltip,
} from '../../../renderer/i18n/desktop-text.ts';

const tray = (over: Partial<TrayState>): TrayState => ({
  status: 'up-to-date',
  percent: null,
  version: null,
  message: null,
  ...over,
});

const record = (over: Partial<NotificationRecord>): NotificationRecord => ({
  key: 'k',
  kind: 'staged',
  at: 0,
  version: null,
  severity: null,
  securityAdvisories: 0,
  title: null,
  message: null,
  screen: 'updates',
  ...over,
});

describe('trayTooltip', () => {
  it('says what each status means, with what is known', () => {
    expect(
      [
        tray({ status: 'up-to-date' }),
        tray({ status: 'update-available', version: '43.2' }),
        tray({ status: 'update-available' }),
        tray({ status: 'working', message: 'Download and stage', percent: 42 }),
        tray({ status: 'working', message: 'Download and stage' }),
        tray({ status: 'working', percent: 7 }),
        tray({ status: 'staged', version: '43.2' }),
        tray({ status: 'staged' }),
        tray({ status: 'failed', message: 'Timeout was reached' }),
        tray({ status: 'failed' }),
        tray({ status: 'no-daemon', message: 'rpm-ostreed is not installed' }),
        tray({ status: 'no-daemon' }),
      ].map((state) => trayTooltip(state, 'en-US')),
    ).toEqual([
      'System up to date',
      'Update available: 43.2',
      'An update is available',
      'Download and stage: 42% done',
      'Download and stage…',
      'Working on the system: 7% done',
      'Update to 43.2 staged — restart to apply',
      'Update staged — restart to apply',
      'The last operation failed: Timeout was reached',
      'The last operation failed',
      'No update daemon: rpm-ostreed is not installed',
      'No update daemon available',
    ]);
  });

  it('formats the percentage for the locale and keeps it in 0–100', () => {
    // French puts a (narrow, by ICU version) no-break space before the sign.
    expect(formatPercent(42, 'fr-FR')).toMatch(/^42\s%$/);
    expect([formatPercent(150, 'en-US'), formatPercent(-3, 'en-US')]).toEqual(['100%', '0%']);
  });
});

describe('menu and reboot dialog', () => {
  it('labels the tray menu', () => {
    expect(trayMenuLabels()).toEqual({
      open: 'Open',
      checkNow: 'Check for updates now',
      reboot: 'Reboot to apply…',
      quit: 'Quit',
    });
  });

  it('names the version the reboot applies, or says "a new version"', () => {
    expect(rebootConfirmText('43.2')).toEqual({
      title: 'Reboot to apply the update',
      message: 'Restart now to apply 43.2?',
      detail:
        'The computer restarts now and boots into 43.2. Save your work in open applications first.',
      confirm: 'Restart now',
      cancel: 'Cancel',
    });
    expect(rebootConfirmText(null).message).toBe('Restart now to apply a new version?');
  });
});

describe('notificationText', () => {
  it('staged: restart to apply, with the version', () => {
    expect([
      notificationText(record({ kind: 'staged', version: '43.2' })),
      notificationText(record({ kind: 'staged' })),
    ]).toEqual([
      {
        title: 'Update staged — restart to apply',
        body: '43.2 is ready and starts when you restart the computer.',
      },
      {
        title: 'Update staged — restart to apply',
        body: 'The update is ready and starts when you restart the computer.',
      },
    ]);
  });

  it('important update: severity in the title, advisory count in the body', () => {
    expect([
      notificationText(
        record({
          kind: 'important-update',
          version: '43.2',
          severity: 'critical',
          securityAdvisories: 3,
        }),
      ),
      notificationText(
        record({ kind: 'important-update', severity: 'important', securityAdvisories: 1 }),
      ),
      notificationText(record({ kind: 'important-update', version: '43.3' })),
    ]).toEqual([
      {
        title: 'Critical security update available',
        body: 'Version 43.2 is available. It fixes 3 security advisories.',
      },
      {
        title: 'Important security update available',
        body: 'A new version is available. It fixes 1 security advisory.',
      },
      { title: 'Important update available', body: 'Version 43.3 is available.' },
    ]);
  });

  it("failed: the transaction's title and the daemon's message", () => {
    expect([
      notificationText(
        record({ kind: 'failed', title: 'Upgrade', message: 'Failed to download gpg key' }),
      ),
      notificationText(record({ kind: 'failed' })),
    ]).toEqual([
      {
        title: 'Failed: Upgrade',
        body: 'The update daemon said: Failed to download gpg key',
      },
      { title: 'An update operation failed', body: 'The update daemon gave no reason.' },
    ]);
  });
});
