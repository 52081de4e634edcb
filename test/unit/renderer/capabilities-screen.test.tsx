// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { AppState } from '../../../daemon-bridge/contract/domain.ts';
import { buttonNamed, screenTests, texts, update } from './render.tsx';
import { readyState, typicalSystem } from './fixtures.ts';

const showing = screenTests();

/** The same machine, served by apt-layer (Status/Install/Uninstall/Upgrade/Rollback only). */
const aptLayer: AppState = {
  ...readyState(typicalSystem()),
  daemon: { kind: 'ready', daemon: { flavour: 'apt-layer', busName: 'org.debian.aptostree1' } },
};

const notes = (root: ParentNode) => texts(root, '.unavailable-note');

describe('a daemon with fewer capabilities (apt-layer)', () => {
  it('Updates: no check-only button, an Upgrade button instead, and the reason in one line', async () => {
    const { container, api } = await showing(aptLayer);
    expect(container.textContent).not.toContain('Check for updates');
    expect(notes(container)).toEqual([
      'Checking for updates without installing them: not available with apt-layer, whose D-Bus API has no call for it.',
    ]);
    await update(() => buttonNamed(container, 'Upgrade now').click());
    expect(api.calls).toContain('stageUpdate');
  });

  it('Kernel: the editor gives way to the reason', async () => {
    const { container, store } = await showing(aptLayer);
    await update(() => store.getState().tabChanged('kernel'));
    expect(container.querySelector('textarea, input')).toBeNull();
    expect(notes(container)).toEqual([
      'Kernel arguments: not available with apt-layer, whose D-Bus API has no call for it.',
    ]);
  });

  it('Deployments: rollback stays; compare, deploy a version and clean up go', async () => {
    const { container, store } = await showing(aptLayer);
    await update(() => store.getState().tabChanged('deployments'));
    const tools = container.querySelector('[role="toolbar"]')?.textContent ?? '';
    expect(tools).toContain('Roll back');
    for (const gone of ['Compare', 'Deploy a version', 'Clean up'])
      expect(tools).not.toContain(gone);
    // Pinning is ostree's own (the helper), so it stays.
    expect(container.textContent).toContain('Pin');
  });

  it('Packages: adding by name stays, searching and base overrides say why they are missing', async () => {
    const { container, store } = await showing(aptLayer);
    await update(() => store.getState().tabChanged('packages'));
    expect(container.textContent).toContain('Add by name');
    expect(notes(container)).toEqual([
      'Searching packages: not available with apt-layer, whose D-Bus API has no call for it.',
      'Removing or replacing base packages: not available with apt-layer, whose D-Bus API has no call for it.',
    ]);
  });

  it('rpm-ostree shows everything and no such line', async () => {
    const { container, store } = await showing(readyState(typicalSystem()));
    for (const tab of ['updates', 'deployments', 'packages', 'kernel', 'settings'] as const) {
      await update(() => store.getState().tabChanged(tab));
      expect(notes(container)).toEqual([]);
    }
  });
});
