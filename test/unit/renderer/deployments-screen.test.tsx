// @vitest-environment happy-dom
import { initialDesktopState } from '../../../daemon-bridge/contract/desktop.ts';
import { initialHealthState } from '../../../daemon-bridge/contract/health.ts';
import { describe, expect, it } from 'vitest';
import type { AppState } from '../../../daemon-bridge/contract/domain.ts';
import { buttonNamed, screenTests, texts, update } from './render.tsx';
import { daemonIdentity, readyState, typicalSystem } from './fixtures.ts';

const showing = screenTests('deployments');

const sandboxState: AppState = {
  ...readyState(),
  mode: { kind: 'sandbox', dir: '/home/u/.local/share/oum/sandbox', reason: 'no-daemon' },
};

describe('deployments screen', () => {
  it('says it is connecting before the first snapshot', async () => {
    const { container } = await showing(null);
    expect(texts(container, '[role="status"]')).toEqual(['Connecting to the update service…']);
  });

  it('has landmarks, a page heading and the daemon identity', async () => {
    const { container } = await showing(readyState());
    expect(container.querySelector('header h1')?.textContent).toBe('OSTree Update Manager');
    expect(container.querySelector('main')).not.toBeNull();
    expect(container.querySelector('header')?.textContent).toContain(
      `rpm-ostree · ${daemonIdentity.busName}`,
    );
  });

  it('lists deployments in boot order with their badges and packages', async () => {
    const { container } = await showing(readyState());
    const cards = [...container.querySelectorAll('ol.deployment-list > li article')];
    expect(
      cards.map((card) => ({
        title: card.querySelector('h3')?.textContent,
        badges: texts(card, '.badge'),
        packages: card.querySelector('.chips') ? texts(card, '.chip') : texts(card, '.muted'),
        commit: card.querySelector('.checksum')?.textContent,
      })),
    ).toEqual([
      {
        title: '41.20241105.0',
        badges: ['Pending — applies on reboot', 'Staged'],
        packages: ['htop'],
        commit: 'aaaaaaaaaa',
      },
      {
        title: '41.20241028.0',
        badges: ['Booted'],
        packages: ['No layered packages'],
        commit: 'cccccccccc',
      },
      {
        title: '40.20241019.0',
        badges: ['Rollback', 'Pinned'],
        packages: ['No layered packages'],
        commit: 'dddddddddd',
      },
    ]);
    expect(cards[0]?.textContent).toContain('41.20241105.0 (commit bbbbbbbbbb)');
  });

  it('shows the sandbox banner with the directory and the reason', async () => {
    const { container } = await showing(sandboxState);
    const banner = container.querySelector('aside[aria-label="Demo system"]');
    expect(banner?.textContent).toContain('/home/u/.local/share/oum/sandbox');
    expect(banner?.textContent).toContain('no update daemon was found');
  });

  it('shows no sandbox banner on the real system', async () => {
    const { container } = await showing(readyState());
    expect(container.querySelector('aside')).toBeNull();
  });

  it('copies the full checksum and announces it', async () => {
    const rendered = await showing(readyState());
    const system = typicalSystem();
    await update(() => buttonNamed(rendered.container, 'cccccccccc').click());
    expect(rendered.clipboard).toEqual([system.deployments[1]?.checksum]);
    expect(rendered.container.querySelector('[aria-live="polite"]')?.textContent).toBe(
      'Copied the commit checksum to the clipboard',
    );
    expect(buttonNamed(rendered.container, 'cccccccccc').textContent).toBe('Copied');
  });

  it('explains an absent daemon and lists nothing', async () => {
    const { container } = await showing({
      mode: { kind: 'system' },
      daemon: { kind: 'absent', message: 'No update daemon on the bus.' },
      system: null,
      activity: null,
      lastCheck: null,
      queued: null,
      desktop: initialDesktopState,
      health: initialHealthState,
    });
    expect(container.querySelector('h2')?.textContent).toBe('No update daemon on this system');
    expect(container.textContent).toContain('No update daemon on the bus.');
    expect(container.textContent).toContain('--sandbox');
    expect(container.querySelector('article')).toBeNull();
  });

  it('keeps the last deployments, marked out of date, while the daemon is unavailable', async () => {
    const { container } = await showing({
      ...readyState(),
      daemon: { kind: 'unavailable', daemon: daemonIdentity, message: 'It stopped.' },
    });
    expect(container.textContent).toContain('Update daemon temporarily unavailable');
    expect(container.textContent).toContain('It stopped.');
    expect(container.querySelector('.deployments--stale')).not.toBeNull();
    expect(container.querySelectorAll('article')).toHaveLength(3);
  });

  it('shows a daemon error with its message and detail', async () => {
    const { container } = await showing({
      mode: { kind: 'system' },
      daemon: {
        kind: 'error',
        error: { kind: 'protocol', message: 'Bad reply', detail: 'org.example.Error' },
      },
      system: null,
      activity: null,
      lastCheck: null,
      queued: null,
      desktop: initialDesktopState,
      health: initialHealthState,
    });
    expect(texts(container, '[role="alert"]')[0]).toContain('Bad reply');
    expect(texts(container, '[role="alert"]')[0]).toContain('org.example.Error');
  });

  it('refreshes on click and shows a failure until dismissed', async () => {
    const rendered = await showing(readyState());
    rendered.api.refreshAnswer = () =>
      Promise.resolve({ ok: false, error: { kind: 'not-authorized', message: 'Denied.' } });
    await update(() => buttonNamed(rendered.container, 'Refresh').click());
    expect(rendered.api.calls).toContain('refresh');
    expect(texts(rendered.container, '[role="alert"]')).toEqual([
      'Could not refresh: Denied.Dismiss',
    ]);
    await update(() => buttonNamed(rendered.container, 'Dismiss').click());
    expect(rendered.container.querySelector('[role="alert"]')).toBeNull();
  });
});
