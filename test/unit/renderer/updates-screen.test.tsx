// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { AppState } from '../../../daemon-bridge/contract/domain.ts';
import type { CommandResults } from '../../../daemon-bridge/contract/commands.ts';
import { buttonNamed, dialog, screenTests, texts, typeInto, update } from './render.tsx';
import { deferred, readyState, typicalSystem, unstagedSystem } from './fixtures.ts';
import { advisory, availableUpdate, packageChanges, rowsOfUpdate } from './update-fixtures.ts';

/**
 * happy-dom lays nothing out, so every element is 0×0 and the virtualiser
 * would show no rows. Give the diff's scroll box a real viewport: 400px.
 */
const VIEWPORT = 400;
Object.defineProperties(HTMLElement.prototype, {
  clientHeight: {
    configurable: true,
    get(this: HTMLElement) {
      return this.classList.contains('diff-scroll') ? VIEWPORT : 0;
    },
  },
  clientWidth: {
    configurable: true,
    get(this: HTMLElement) {
      return this.classList.contains('diff-scroll') ? 600 : 0;
    },
  },
});

const showing = screenTests();

const withUpdate = (changes = packageChanges(8)): AppState =>
  readyState(
    unstagedSystem({
      cachedUpdate: availableUpdate({
        changes,
        advisories: [
          advisory('FEDORA-2024-low', { severity: 'low', kind: 'bugfix' }),
          advisory('FEDORA-2024-crit', { severity: 'critical' }),
          advisory('FEDORA-2024-imp', { severity: 'important' }),
        ],
      }),
    }),
  );

const statusTitle = (root: ParentNode): string | undefined =>
  root.querySelector('.update-status__title')?.textContent ?? undefined;

describe('app navigation', () => {
  it('has six tabs with short names, Updates first and selected', async () => {
    const { container, store } = await showing(readyState(unstagedSystem()));
    const tabs = [...container.querySelectorAll('[role="tab"]')];
    expect(tabs.map((t) => [t.textContent, t.getAttribute('aria-selected')])).toEqual([
      ['Updates', 'true'],
      ['Deployments', 'false'],
      ['Packages', 'false'],
      ['Kernel', 'false'],
      ['Next boot', 'false'],
      ['Settings', 'false'],
    ]);
    expect(container.querySelector('[role="tablist"]')?.getAttribute('aria-label')).toBe('Views');
    await update(() => store.getState().tabChanged('deployments'));
    expect(container.querySelectorAll('article.deployment')).toHaveLength(2);
    expect(container.querySelector('.update-status')).toBeNull();
  });
});

describe('updates view', () => {
  it('says up to date, checks on request, and shows the command line', async () => {
    const { container, api } = await showing(readyState(unstagedSystem()));
    expect(statusTitle(container)).toBe('Up to date');
    expect(container.textContent).toContain('Not checked yet by this app');
    expect(texts(container, '.command-hint__code')).toEqual(['rpm-ostree upgrade --check']);
    await update(() => buttonNamed(container, 'Check for updates').click());
    expect(api.calls).toContain('checkForUpdates');
  });

  it('shows an available update and stages it', async () => {
    const { container, api } = await showing(withUpdate());
    expect(statusTitle(container)).toBe('Update available');
    expect(container.querySelector('.update-status__body')?.textContent).toBe(
      '41.20241112.0 · 8 package changes\n3 advisories, the most severe: Critical',
    );
    expect(texts(container, '.command-hint__code')).toContain('rpm-ostree upgrade');
    await update(() => buttonNamed(container, 'Download and stage').click());
    expect(api.calls).toContain('stageUpdate');
  });

  it('shows a failed check with the daemon message, and a staged update with Apply now', async () => {
    const rendered = await showing({
      ...readyState(unstagedSystem()),
      lastCheck: { at: 1_731_000_000_000, outcome: 'failed', message: 'Could not resolve host' },
    });
    expect(statusTitle(rendered.container)).toBe('The update check failed');
    expect(rendered.container.textContent).toContain('Could not resolve host');
    expect(rendered.container.textContent).toMatch(/Last checked .*2024/);
    await update(() => rendered.store.getState().stateReceived(readyState(typicalSystem())));
    expect(statusTitle(rendered.container)).toBe('Update staged — reboot to apply');
    await update(() => buttonNamed(rendered.container, 'Apply now').click());
    const dialog = document.body.querySelector('[role="dialog"]');
    expect(dialog?.textContent).toContain('Restart now?');
    expect(dialog?.textContent).toContain('systemctl reboot');
    expect(rendered.api.calls).not.toContain('rebootToApply');
    await update(() => buttonNamed(document.body, 'Restart now').click());
    expect(rendered.api.calls).toContain('rebootToApply');
  });
});

describe('update sheet', () => {
  it('shows advisories by severity and only a window of 10,000 diff rows', async () => {
    const { container } = await showing(withUpdate(packageChanges(10_000)));
    await update(() => buttonNamed(container, 'Review update').click());
    const sheet = document.body.querySelector('[role="dialog"]');
    if (!sheet) throw new Error('no sheet');
    expect(sheet.querySelector('h2')?.textContent).toBe('Update to 41.20241112.0');
    expect(texts(sheet, '.advisory__id')).toEqual([
      'FEDORA-2024-crit',
      'FEDORA-2024-imp',
      'FEDORA-2024-low',
    ]);
    expect(texts(sheet, '.advisory .severity')).toEqual(['Critical', 'Important', 'Low']);
    const rows = sheet.querySelectorAll('[role="listitem"]');
    // 400px / 32px = 13 rows in view, plus the overscan of 8 below.
    expect(rows.length).toBeGreaterThanOrEqual(13);
    expect(rows.length).toBeLessThanOrEqual(13 + 8 + 1);
    expect(sheet.querySelector<HTMLElement>('.diff-scroll__inner')?.style.height).toBe('320000px');
    expect(rows[0]?.getAttribute('aria-setsize')).toBe('10000');
    expect(texts(sheet, '.filter-chip')).toEqual([
      'Upgraded 2500',
      'Downgraded 2500',
      'Added 2500',
      'Removed 2500',
    ]);
  });

  it('asks for the rows by changesId when it opens, says they are loading, then shows them', async () => {
    const state = withUpdate(packageChanges(40));
    const { container, api } = await showing(state);
    const answer = deferred<CommandResults['updateChanges']>();
    api.answers.updateChanges = () => answer.promise;
    await update(() => buttonNamed(container, 'Review update').click());
    expect(api.callArgs.filter((c) => c.command === 'updateChanges')).toEqual([
      { command: 'updateChanges', args: [state.system!.cachedUpdate!.changesId] },
    ]);
    expect(dialog().querySelector('[role="status"]')?.textContent).toBe(
      'Loading the package changes…',
    );
    // The count comes with the update's summary, before the rows.
    expect(texts(dialog(), 'h3')).toContain('Package changes (40)');
    await update(() =>
      answer.resolve({
        ok: true,
        value: rowsOfUpdate(state.system!.cachedUpdate!.changesId)!,
      }),
    );
    expect(texts(dialog(), 'h3')).toContain('Package changes (40)');
    expect(dialog().querySelectorAll('.diff-row').length).toBeGreaterThan(0);
  });

  it("a refused request for the rows is shown in the bridge's words, and Try again asks again", async () => {
    const { container, api } = await showing(withUpdate(packageChanges(40)));
    api.answers.updateChanges = () =>
      Promise.resolve({
        ok: false,
        error: { kind: 'daemon-unavailable', message: 'Not connected to an update daemon.' },
      });
    await update(() => buttonNamed(container, 'Review update').click());
    expect(dialog().querySelector('[role="alert"]')?.textContent).toContain(
      'Could not load the package changes: Not connected to an update daemon.',
    );
    api.answers.updateChanges = (changesId) =>
      Promise.resolve({ ok: true, value: rowsOfUpdate(changesId)! });
    await update(() => buttonNamed(dialog(), 'Try again').click());
    expect(dialog().querySelector('[role="alert"]')).toBeNull();
    expect(dialog().querySelectorAll('.diff-row').length).toBeGreaterThan(0);
    expect(api.calls.filter((c) => c === 'updateChanges')).toHaveLength(2);
  });

  it('rows of an update the state has moved past are never shown for the new one', async () => {
    const first = withUpdate(packageChanges(40));
    const { container, api, store } = await showing(first);
    const late = deferred<CommandResults['updateChanges']>();
    api.answers.updateChanges = () => late.promise;
    await update(() => buttonNamed(container, 'Review update').click());
    api.answers.updateChanges = (changesId) =>
      Promise.resolve({ ok: true, value: rowsOfUpdate(changesId)! });
    await update(() => store.getState().stateReceived(withUpdate(packageChanges(12))));
    await update(() =>
      late.resolve({ ok: true, value: rowsOfUpdate(first.system!.cachedUpdate!.changesId)! }),
    );
    expect(texts(dialog(), 'h3')).toContain('Package changes (12)');
  });

  it('filters by name and by kind', async () => {
    const { container } = await showing(withUpdate(packageChanges(10_000)));
    await update(() => buttonNamed(container, 'Review update').click());
    const sheet = document.body.querySelector('[role="dialog"]');
    const input = sheet?.querySelector('input[type="search"]');
    if (!(input instanceof HTMLInputElement) || !sheet) throw new Error('no filter');
    await update(() => typeInto(input, 'pkg-0000'));
    expect(sheet.textContent).toContain('Showing 10 of 10000');
    await update(() => buttonNamed(sheet, 'Removed').click());
    expect(buttonNamed(sheet, 'Removed').getAttribute('aria-pressed')).toBe('true');
    expect(texts(sheet, '.diff-row__name')).toEqual(['pkg-00002', 'pkg-00006']);
  });
});
