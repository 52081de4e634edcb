// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { SystemState } from '../../../daemon-bridge/contract/domain.ts';
import { buttonNamed, screenTests, texts, typeInto, update } from './render.tsx';
import { kernelCommandLine, readyState, unstagedSystem } from './fixtures.ts';
import { activity } from './update-fixtures.ts';

const showing = screenTests('kernel');

/** Nothing pending; booted with `mitigations=auto` besides the usual arguments. */
function system(): SystemState {
  const s = unstagedSystem();
  return {
    ...s,
    bootOptions: [
      { deploymentId: s.bootedId ?? '', options: kernelCommandLine('c', 'mitigations=auto') },
    ],
  };
}

function input(root: ParentNode, label: string): HTMLTextAreaElement {
  const byLabel = [...root.querySelectorAll('label')].find((l) => l.textContent === label);
  const found = byLabel ? root.querySelector(`#${CSS.escape(byLabel.htmlFor)}`) : null;
  if (!(found instanceof HTMLTextAreaElement)) throw new Error(`no field labelled ${label}`);
  return found;
}

const line = (root: ParentNode, label: string): string[] =>
  texts(root.querySelector(`ul[aria-label="${label}"]`) ?? document.createElement('ul'), 'li');

describe('kernel arguments view', () => {
  it('shows the running line, with ostree= read-only, and nothing pending', async () => {
    const { container } = await showing(readyState(system()));
    expect(line(container, 'Running now')).toEqual([
      'root=UUID=6d8e1c4a',
      'rootflags=subvol=root',
      'rw',
      'rhgb',
      'quiet',
      'mitigations=auto',
      `set by the system: ostree=/ostree/boot.1/fedora/${'c'.repeat(64)}/0`,
    ]);
    expect(container.textContent).toContain(
      'Nothing is pending: the next boot uses the same arguments.',
    );
    const managed = container.querySelector('.karg-row--managed');
    expect(managed?.querySelectorAll('button')).toHaveLength(0);
    expect(managed?.textContent).toContain('Set by the system');
  });

  it('refuses a newline or a space as it is typed, and sends nothing', async () => {
    const { container, api, store } = await showing(readyState(system()));
    const add = input(container, 'Add a kernel argument');
    await update(() => typeInto(add, 'quiet\ninit=/bin/sh'));
    expect(add.getAttribute('aria-invalid')).toBe('true');
    expect([add.value, add.getAttribute('rows')]).toEqual(['quiet\ninit=/bin/sh', '2']);
    expect(container.textContent).toContain(
      'Arguments cannot contain line breaks, tabs or other control characters.',
    );
    await update(() => buttonNamed(container, 'Add argument').click());
    await update(() => typeInto(add, 'splash loglevel=3'));
    expect(container.textContent).toContain('No spaces, except inside double quotes');
    await update(() =>
      add.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })),
    );
    expect(store.getState().kargEdits).toEqual([]);
    expect(container.textContent).toContain('No changes yet');
    expect(api.calls.filter((c) => c !== 'getState')).toEqual([]);
  });

  it('edits, removes, adds a picked suggestion, previews the exact change and applies it once', async () => {
    const { container, api, store } = await showing(readyState(system()));
    await update(() => buttonNamed(container, 'Edit mitigations=auto').click());
    await update(() =>
      typeInto(input(container, 'New text for mitigations=auto'), 'mitigations=off'),
    );
    await update(() => buttonNamed(container, 'Save the change to mitigations=auto').click());
    await update(() => buttonNamed(container, 'Remove rhgb').click());
    // Suggestions are only offered: nothing joined the draft by itself.
    expect(store.getState().kargEdits).toHaveLength(2);
    await update(() => buttonNamed(container, 'Add suggestion nvidia-drm.modeset=1').click());
    expect(line(container, 'Changes for the next boot')).toEqual([
      'Change mitigations=auto to mitigations=offUndo',
      'Remove rhgbUndo',
      'Add nvidia-drm.modeset=1Undo',
    ]);
    expect(line(container, 'Command line after the change').filter((a) => a.includes(':'))).toEqual(
      [
        'removed: rhgb',
        'changed from mitigations=auto: mitigations=off',
        `set by the system: ostree=/ostree/boot.1/fedora/${'c'.repeat(64)}/0`,
        'added: nvidia-drm.modeset=1',
      ],
    );
    expect(texts(container, '.kargs-draft .command-hint__code')).toEqual([
      'rpm-ostree kargs --delete=rhgb --replace=mitigations=off --append=nvidia-drm.modeset=1',
    ]);
    await update(() => buttonNamed(container, 'Apply kernel arguments').click());
    expect(api.callArgs.filter((c) => c.command !== 'getState')).toEqual([
      {
        command: 'changeKernelArgs',
        args: [
          {
            added: ['nvidia-drm.modeset=1'],
            replaced: ['mitigations=off'],
            removed: ['rhgb'],
          },
        ],
      },
    ]);
    expect(container.textContent).toContain('No changes yet');
    await update(() =>
      store.getState().stateReceived({
        ...readyState(system()),
        activity: activity({ title: 'KernelArgs', commandLine: 'rpm-ostree kargs --delete=rhgb' }),
      }),
    );
    expect(container.querySelector('.activity__title')?.textContent).toBe('KernelArgs');
  });

  it('says why an edit is refused and keeps Apply unavailable', async () => {
    const { container, api } = await showing(readyState(system()));
    const add = input(container, 'Add a kernel argument');
    await update(() => typeInto(add, 'quiet'));
    expect(container.textContent).toContain('“quiet” is already on the command line.');
    await update(() => typeInto(add, 'ostree=/boot'));
    expect(container.textContent).toContain('ostree= is set by the system');
    await update(() => typeInto(add, 'nomodeset'));
    await update(() => buttonNamed(container, 'Add argument').click());
    expect(add.value).toBe('');
    await update(() => buttonNamed(container, 'Undo: Add nomodeset').click());
    expect(container.textContent).toContain('No changes yet');
    expect(api.calls.filter((c) => c !== 'getState')).toEqual([]);
  });
});
