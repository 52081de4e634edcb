// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { buttonNamed, dialog, screenTests, texts, typeInto, update } from './render.tsx';
import { deployment, readyState, typicalSystem } from './fixtures.ts';
import { activity } from './update-fixtures.ts';

const showing = screenTests('packages');

function labelled(root: ParentNode, label: string): HTMLInputElement {
  const byLabel = [...root.querySelectorAll('label')].find((l) => l.textContent === label);
  const input = byLabel ? root.querySelector(`#${CSS.escape(byLabel.htmlFor)}`) : null;
  if (!(input instanceof HTMLInputElement)) throw new Error(`no input labelled ${label}`);
  return input;
}

describe('packages view', () => {
  it('searches, shows name, version, summary and match, and adds a hit after a confirmation', async () => {
    const { container, api } = await showing(readyState(typicalSystem()));
    expect(container.querySelector('[role="tab"][aria-selected="true"]')?.textContent).toBe(
      'Packages',
    );
    const search = labelled(container, 'Search packages');
    expect(search.type).toBe('search');
    await update(() => typeInto(search, 'top'));
    expect(texts(container, '.package-search .command-hint__code')).toEqual([
      'rpm-ostree search top',
    ]);
    await update(() => buttonNamed(container, 'Search').click());
    expect(api.callArgs.at(-1)).toEqual({ command: 'searchPackages', args: [['top']] });
    const results = container.querySelector('[aria-label="Search results"]');
    expect(texts(results ?? container, 'li')).toEqual([
      'htop3.4.1-2.fc43.x86_64, 3.4.1-2.fc43.i686Interactive process viewerMatches the name and summary · from fedoraAlready requested',
      'btop1.0-1.fc43.x86_64Modern and colorful htop alternativeMatches the summary · from fedoraAdd',
    ]);
    // htop is already requested in the pending deployment: offered no second time.
    expect(() => buttonNamed(results ?? container, 'Add htop')).toThrow();
    await update(() => buttonNamed(container, 'Add btop').click());
    expect(dialog().querySelector('h2')?.textContent).toBe('Add btop?');
    expect(texts(dialog(), '.command-hint__code')).toEqual(['rpm-ostree install btop']);
    expect(api.calls).not.toContain('changePackages');
    await update(() => buttonNamed(dialog(), 'Add').click());
    expect(api.callArgs.at(-1)).toEqual({
      command: 'changePackages',
      args: [{ add: ['btop'], remove: [] }],
    });
    expect(document.body.querySelector('[role="dialog"]')).toBeNull();
  });

  it('refuses a bad name typed by hand before anything is sent', async () => {
    const { container, api } = await showing(readyState(typicalSystem()));
    const input = labelled(container, 'Add a package by name');
    await update(() => typeInto(input, '--reboot'));
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(container.textContent).toContain('A package name cannot start with “-”.');
    await update(() => buttonNamed(container, 'Add by name…').click());
    expect(document.body.querySelector('[role="dialog"]')).toBeNull();
    await update(() => typeInto(input, 'fish'));
    await update(() => buttonNamed(container, 'Add by name…').click());
    expect(texts(dialog(), '.command-hint__code')).toEqual(['rpm-ostree install fish']);
    await update(() => buttonNamed(dialog(), 'Add').click());
    expect(api.callArgs.filter((c) => c.command !== 'getState')).toEqual([
      { command: 'changePackages', args: [{ add: ['fish'], remove: [] }] },
    ]);
  });

  it('shows each package and override as pending or in effect, and undoes a pending one', async () => {
    const base = typicalSystem();
    const firefox = {
      nevra: 'firefox-133.0-1.fc43.x86_64',
      name: 'firefox',
      epoch: 0,
      version: '133.0',
      release: '1.fc43',
      arch: 'x86_64',
    };
    const [pending, booted, rollback] = base.deployments;
    const system = typicalSystem({
      deployments: [
        {
          ...pending!,
          requestedPackages: ['htop', 'vim'],
          layeredPackages: ['htop', 'vim'],
          requestedBaseRemovals: ['firefox'],
          baseRemovals: [firefox],
        },
        { ...booted!, requestedPackages: ['vim'], layeredPackages: ['vim'] },
        rollback ?? deployment('d'),
      ],
    });
    const { container, api } = await showing(readyState(system));
    const rows = (label: string) => {
      const list = container.querySelector(`ul[aria-label="${label}"]`);
      if (!list) throw new Error(`no list ${label}`);
      return texts(list, 'li');
    };
    expect(rows('Layered packages')).toEqual([
      'htopPending — applies at next bootUndo',
      'vimIn effectRemove',
    ]);
    expect(rows('Removed from base')).toEqual([
      'firefoxfirefox-133.0-1.fc43.x86_64Pending — applies at next bootUndo',
    ]);
    await update(() => buttonNamed(container, 'Undo the pending change to htop').click());
    expect(texts(dialog(), '.command-hint__code')).toEqual(['rpm-ostree uninstall htop']);
    await update(() => buttonNamed(dialog(), 'Remove').click());
    await update(() => buttonNamed(container, 'Undo the pending change to firefox').click());
    expect(texts(dialog(), '.command-hint__code')).toEqual(['rpm-ostree override reset firefox']);
    await update(() => buttonNamed(dialog(), 'Restore').click());
    await update(() => buttonNamed(container, 'Reset all overrides…').click());
    expect(texts(dialog(), '.command-hint__code')).toEqual(['rpm-ostree reset --overrides']);
    await update(() => buttonNamed(dialog(), 'Reset overrides').click());
    expect(api.callArgs.filter((c) => c.command !== 'getState')).toEqual([
      { command: 'changePackages', args: [{ add: [], remove: ['htop'] }] },
      { command: 'changeOverrides', args: [{ remove: [], reset: ['firefox'] }] },
      { command: 'resetPackageChanges', args: [{ layering: false, overrides: true }] },
    ]);
  });

  it('shows the transaction’s progress and a refusal from the daemon', async () => {
    const { container, store, api } = await showing(readyState(typicalSystem()));
    api.answers.changeOverrides = () =>
      Promise.resolve({
        ok: false,
        error: { kind: 'transaction-failed', message: 'Package "nope" not found' },
      });
    await update(() => typeInto(labelled(container, 'Remove a base package by name'), 'nope'));
    await update(() => buttonNamed(container, 'Remove from base…').click());
    expect(texts(dialog(), '.command-hint__code')).toEqual(['rpm-ostree override remove nope']);
    await update(() => buttonNamed(dialog(), 'Remove from base').click());
    expect(container.querySelector('[role="alert"]')?.textContent).toContain(
      'The request failed: Package "nope" not found',
    );
    await update(() =>
      store.getState().stateReceived({
        ...readyState(typicalSystem()),
        activity: activity({ title: 'PkgChange', commandLine: 'rpm-ostree install btop' }),
      }),
    );
    expect(container.querySelector('.activity__title')?.textContent).toBe('PkgChange');
  });
});
