// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { AppState } from '../../../daemon-bridge/contract/domain.ts';
import { buttonNamed, screenTests, texts, update } from './render.tsx';
import { readyState, unstagedSystem } from './fixtures.ts';
import { activity, availableUpdate } from './update-fixtures.ts';

const showing = screenTests();

const withUpdate = (): AppState => readyState(unstagedSystem({ cachedUpdate: availableUpdate() }));

const statusTitle = (root: ParentNode): string | undefined =>
  root.querySelector('.update-status__title')?.textContent ?? undefined;

describe('activity panel', () => {
  it('shows our running transaction with steps, progress, download and Cancel', async () => {
    const { container, api } = await showing({ ...withUpdate(), activity: activity() });
    expect(statusTitle(container)).toBe('Working: Upgrade');
    const panel = container.querySelector('.activity');
    if (!panel) throw new Error('no panel');
    expect(texts(panel, '.task')).toEqual([
      '✓Receiving metadata objectsDone',
      '•Receiving objectsIn progress',
    ]);
    const bar = panel.querySelector('[role="progressbar"]');
    expect([bar?.getAttribute('aria-valuenow'), bar?.getAttribute('aria-valuetext')]).toEqual([
      '42',
      '42%',
    ]);
    expect(panel.textContent).toContain('Started by this app');
    expect(panel.querySelector('.download-stats')?.textContent).toMatch(/MB.*MB\/s.*420 of 1000/);
    expect(panel.querySelector('[aria-live="polite"]')?.textContent).toContain('Receiving objects');
    await update(() => buttonNamed(container, 'Cancel').click());
    expect(api.calls).toContain('cancelTransaction');
    await update(() => buttonNamed(container, 'Review update').click());
    const sheet = document.body.querySelector('[role="dialog"]');
    expect(sheet?.querySelector('.sheet__footer')?.textContent).toContain('Cancel');
    expect(sheet?.querySelector('.sheet__footer')?.textContent).not.toContain('Download and stage');
  });

  it('shows another client, its progress and our queued request', async () => {
    const { container } = await showing({
      ...readyState(unstagedSystem()),
      activity: activity({ owner: 'another-client', initiator: 'client(id:cli uid:0)' }),
      queued: { command: 'checkForUpdates', commandLine: 'rpm-ostree upgrade --check', since: 0 },
    });
    expect(statusTitle(container)).toBe('Another program is using the update daemon');
    expect(container.textContent).toContain('Upgrade, started by client(id:cli uid:0)');
    expect(container.textContent).toContain('Your request is waiting');
    expect(container.textContent).toContain('“Check for updates” starts when');
    expect(container.textContent).toContain('Started by another program: client(id:cli uid:0)');
  });

  it('shows a failure with its error and dismisses it', async () => {
    const { container, api } = await showing({
      ...readyState(unstagedSystem()),
      activity: activity({ phase: 'failed', error: 'No space left on device', endedAt: 2 }),
    });
    expect(statusTitle(container)).toBe('The last operation failed');
    expect(container.querySelector('.activity [role="alert"]')?.textContent).toBe(
      'Error: No space left on device',
    );
    expect(container.querySelector('.activity [role="progressbar"]')).toBeNull();
    expect(texts(container, '.task')).toEqual([
      '✓Receiving metadata objectsDone',
      '✕Receiving objectsNot finished',
    ]);
    await update(() => buttonNamed(container, 'Dismiss').click());
    expect(api.calls).toContain('dismissActivity');
  });
});
