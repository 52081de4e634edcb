// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { AppState } from '../../../daemon-bridge/contract/domain.ts';
import type { HealthCheck, HealthState } from '../../../daemon-bridge/contract/health.ts';
import type { DownloadableFile } from '../../../renderer/store/health/download-file.ts';
import { deriveHealthView } from '../../../renderer/store/health/health-view.ts';
import { buttonNamed, dialog, renderApp, texts, update } from './render.tsx';
import type { Rendered } from './render.tsx';
import { daemonIdentity, readyState, typicalSystem } from './fixtures.ts';

const MiB = 1024 * 1024;
const T0 = Date.UTC(2026, 1, 1, 9, 0, 0);

const ok: readonly HealthCheck[] = [
  {
    kind: 'boot-space',
    status: 'ok',
    reason: null,
    path: '/boot',
    freeBytes: 700 * MiB,
    totalBytes: 1024 * MiB,
    requiredBytes: 90 * MiB,
    recommendedBytes: 100 * MiB,
  },
  {
    kind: 'sysroot-space',
    status: 'ok',
    reason: null,
    path: '/sysroot',
    freeBytes: 50_000 * MiB,
    totalBytes: 100_000 * MiB,
    requiredBytes: 3000 * MiB,
    recommendedBytes: 1024 * MiB,
  },
  { kind: 'finalize', status: 'ok', reason: null, message: null, failedAt: null, bootId: null },
  {
    kind: 'update-age',
    status: 'ok',
    reason: null,
    lastUpdateAt: T0,
    basis: 'deployment',
    ageDays: 2,
    maxAgeDays: 30,
  },
  {
    kind: 'stalled-transaction',
    status: 'ok',
    reason: null,
    title: null,
    lastProgressAt: null,
    stallAfterMinutes: 10,
  },
];

function withChecks(changes: Partial<Record<HealthCheck['kind'], Partial<HealthCheck>>>): AppState {
  const checks = ok.map((c) => ({ ...c, ...changes[c.kind] }) as HealthCheck);
  const health: HealthState = { checkedAt: T0, running: false, checks };
  return { ...readyState(typicalSystem()), health };
}

const troubled = withChecks({
  finalize: {
    status: 'problem',
    message: 'error: Installing kernel: regfile copy: No space left on device',
    failedAt: T0,
    bootId: 'a'.repeat(32),
  },
  'boot-space': { status: 'warning', freeBytes: 95 * MiB },
  'stalled-transaction': {
    status: 'warning',
    title: 'upgrade',
    lastProgressAt: T0 - 11 * 60_000,
  },
});

let view: Rendered | null = null;
const saved: DownloadableFile[] = [];
afterEach(() => {
  view?.unmount();
  view = null;
  saved.length = 0;
  document.body.innerHTML = '';
});

async function show(state: AppState): Promise<Rendered> {
  view = await renderApp({ saveFile: (file) => saved.push(file) });
  const rendered = view;
  await update(() => rendered.store.getState().stateReceived(state));
  return rendered;
}

const panel = (root: ParentNode): Element => {
  const found = root.querySelector('section.health');
  if (!found) throw new Error('no health panel');
  return found;
};

describe('the health panel on the Updates tab', () => {
  it('comes first on the tab and says it is still checking before the first results', async () => {
    const { container } = await show(readyState());
    const first = container.querySelector('[role="tabpanel"] .view > section');
    expect(first?.classList.contains('health')).toBe(true);
    expect(panel(container).getAttribute('aria-labelledby')).toBeTruthy();
    expect(texts(panel(container), '.health__summary')).toEqual(['Checking the system…']);
  });

  it('lists what needs attention, most serious first, each with its fix; the rest folds away', async () => {
    const { container } = await show(troubled);
    const p = panel(container);
    expect(texts(p, '.health__summary')[0]).toMatch(/^3 checks need attention · Checked /);
    const rows = [...p.querySelectorAll(':scope > ul > li')];
    expect(rows.map((r) => r.querySelector('.health-row__title')?.textContent)).toEqual([
      'Problem: The staged update failed to apply at the last restart',
      'Warning: Little space left on /boot',
      'Warning: “upgrade” has made no progress for more than 10 minutes',
    ]);
    const [finalize, boot, stalled] = rows as [Element, Element, Element];
    expect(texts(finalize, '.health-row__quote')).toEqual([
      'error: Installing kernel: regfile copy: No space left on device',
    ]);
    expect(texts(finalize, '.command-hint code')).toEqual([
      'journalctl -b -1 -u ostree-finalize-staged.service',
    ]);
    expect(texts(finalize, 'button')).toEqual(['Check now']);
    expect(boot.textContent).toContain('99.6 MB free of 1.1 GB (/boot)');
    expect(texts(boot, '.command-hint code')).toEqual(['rpm-ostree cleanup -r']);
    expect(texts(stalled, 'button')).toEqual(['Cancel']);
    expect(texts(p, 'details > summary')).toEqual(['2 checks passed']);
    expect(texts(p, 'details li .health-row__title')).toEqual([
      'OK: Enough space for new deployments',
      'OK: Updated recently',
    ]);
  });

  it('the fixes are the app’s own actions: check, cancel, clean up', async () => {
    const { container, api } = await show(troubled);
    const p = panel(container);
    await update(() => buttonNamed(p, 'Check now').click());
    await update(() => buttonNamed(p, 'Cancel').click());
    expect(api.calls).toEqual(expect.arrayContaining(['checkForUpdates', 'cancelTransaction']));
    await update(() => buttonNamed(p, 'Clean up…').click());
    expect(dialog().textContent).toContain('The rollback deployment');
  });

  it('a check that could not run says why, and “Check again” runs the checks again', async () => {
    const { container, api } = await show(
      withChecks({
        finalize: {
          status: 'unknown',
          reason:
            'journalctl exited with 1: No journal files were opened due to insufficient permissions.',
        },
      }),
    );
    const p = panel(container);
    expect(p.querySelector('li')?.textContent).toContain(
      'This check could not run: journalctl exited with 1: No journal files were opened due to insufficient permissions.',
    );
    expect(texts(p, 'li code')).toEqual(['rpm-ostree status']);
    await update(() => buttonNamed(p, 'Check again').click());
    expect(api.calls).toContain('checkHealth');
  });

  it('all fine: says so, with every check behind the disclosure', async () => {
    const { container } = await show(withChecks({}));
    const p = panel(container);
    expect(texts(p, '.health__summary')[0]).toMatch(/^No problems found · /);
    expect(p.querySelector(':scope > ul')).toBeNull();
    expect(texts(p, 'details > summary')).toEqual(['5 checks passed']);
  });

  it('without Cancel in the daemon (apt-layer), a stuck operation says what else to do', async () => {
    const state: AppState = {
      ...troubled,
      daemon: { kind: 'ready', daemon: { ...daemonIdentity, flavour: 'apt-layer' } },
    };
    const { container } = await show(state);
    const stalled = [...panel(container).querySelectorAll('li')].find((li) =>
      li.textContent?.includes('no progress'),
    )!;
    expect(texts(stalled, 'button')).toEqual([]);
    expect(stalled.textContent).toContain('cannot cancel an operation');
  });
});

describe('Export diagnostics', () => {
  it('downloads the file the main process built (web mode) and says so', async () => {
    const { container, api } = await show(troubled);
    await update(() => buttonNamed(panel(container), 'Export diagnostics…').click());
    expect(api.calls).toContain('exportDiagnostics');
    expect(saved.map((f) => f.fileName)).toEqual([
      'ostree-update-manager-diagnostics-20241105-120000.json',
    ]);
    expect(texts(panel(container), '[role="status"].export-diagnostics__outcome')).toEqual([
      'Downloaded ostree-update-manager-diagnostics-20241105-120000.json',
    ]);
  });

  it('under Electron the main process saved it already: nothing to download, the path is shown', async () => {
    view = await renderApp({ saveFile: (file) => saved.push(file) });
    const rendered = view;
    rendered.api.answers.exportDiagnostics = () =>
      Promise.resolve({
        ok: true,
        value: {
          fileName: 'd.json',
          content: '',
          delivery: { kind: 'saved', path: '/home/user/d.json' },
        },
      });
    await update(() => rendered.store.getState().stateReceived(troubled));
    await update(() => rendered.store.getState().tabChanged('settings'));
    await update(() => buttonNamed(rendered.container, 'Export diagnostics…').click());
    expect(saved).toEqual([]);
    expect(rendered.container.textContent).toContain('Saved to /home/user/d.json');
  });

  it('a refusal is reported, never swallowed', async () => {
    view = await renderApp({ saveFile: (file) => saved.push(file) });
    const rendered = view;
    rendered.api.answers.exportDiagnostics = () =>
      Promise.resolve({ ok: false, error: { kind: 'protocol', message: 'disk full' } });
    await update(() => rendered.store.getState().stateReceived(troubled));
    await update(() => buttonNamed(panel(rendered.container), 'Export diagnostics…').click());
    expect(texts(rendered.container, '[role="alert"]')).toContain(
      'Could not export diagnostics: disk full',
    );
  });
});

describe('deriveHealthView', () => {
  it('orders problems before warnings before checks that could not run', () => {
    const health: HealthState = {
      checkedAt: T0,
      running: false,
      checks: withChecks({
        'update-age': { status: 'unknown', reason: 'x' },
        'boot-space': { status: 'warning' },
        'sysroot-space': { status: 'problem' },
      }).health.checks,
    };
    const view = deriveHealthView(health, 'rpm-ostree');
    expect(view.attention.map((r) => [r.check.kind, r.check.status])).toEqual([
      ['sysroot-space', 'problem'],
      ['boot-space', 'warning'],
      ['update-age', 'unknown'],
    ]);
    expect(view.attention[0]!.command).toBe('rpm-ostree cleanup -b -m');
    expect(deriveHealthView(health, 'apt-layer').attention[0]!.fixes).toEqual([]);
  });
});
