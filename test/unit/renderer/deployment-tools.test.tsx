// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { buttonNamed, dialog, screenTests, texts, typeInto, update } from './render.tsx';
import { deployment, readyState, typicalSystem, unstagedSystem } from './fixtures.ts';

const showing = screenTests('deployments');

describe('deployment tools', () => {
  it('rolls back only after showing the diff from booted to rollback', async () => {
    const system = unstagedSystem();
    const { container, api } = await showing(readyState(system));
    await update(() => buttonNamed(container, 'Roll back…').click());
    expect(dialog().querySelector('h2')?.textContent).toBe('Roll back to 40.20241019.0?');
    expect(api.callArgs.at(-1)).toEqual({
      command: 'compareDeployments',
      args: [system.bootedId, system.rollbackId],
    });
    expect(dialog().textContent).toContain('Package changes (5)');
    expect(texts(dialog(), '.command-hint__code')).toEqual(['rpm-ostree rollback']);
    await update(() => buttonNamed(dialog(), 'Roll back').click());
    expect(api.calls.at(-1)).toBe('rollback');
  });

  it('offers Undo rollback when a rollback is pending', async () => {
    const booted = deployment('c', { version: '41.2', booted: true, timestamp: 200 });
    const older = deployment('d', { version: '41.1', timestamp: 100 });
    const { container, api } = await showing(
      readyState(
        typicalSystem({
          deployments: [older, booted],
          bootedId: booted.id,
          pendingId: older.id,
          rollbackId: null,
        }),
      ),
    );
    expect(container.textContent).toContain('A rollback to 41.1 is pending');
    expect(() => buttonNamed(container, 'Roll back…')).toThrow();
    await update(() => buttonNamed(container, 'Undo rollback').click());
    expect(api.calls.at(-1)).toBe('rollback');
  });

  it('compares two chosen deployments', async () => {
    const system = typicalSystem();
    const { container, api } = await showing(readyState(system));
    await update(() => buttonNamed(container, 'Compare…').click());
    await update(() => buttonNamed(dialog(), 'Compare').click());
    expect(api.callArgs.at(-1)).toEqual({
      command: 'compareDeployments',
      args: [system.bootedId, system.pendingId],
    });
    expect(dialog().textContent).toContain('Package changes (5)');
    expect(dialog().textContent).toContain('rpm-ostree db diff cccc');
  });

  it('deploys a version only after previewing exactly that version', async () => {
    const { container, api } = await showing(readyState(typicalSystem()));
    await update(() => buttonNamed(container, 'Deploy a version…').click());
    const input = dialog().querySelector('input');
    await update(() => typeInto(input, '--force'));
    expect(dialog().textContent).toContain('Letters, digits');
    expect(texts(dialog(), '.command-hint__code')).toEqual(['rpm-ostree deploy <version>']);
    await update(() => buttonNamed(dialog(), 'Preview changes').click());
    expect(api.calls).not.toContain('previewDeploy');
    await update(() => typeInto(input, '40.20241019.0'));
    expect(buttonNamed(dialog(), 'Deploy').getAttribute('aria-disabled')).toBe('true');
    await update(() => buttonNamed(dialog(), 'Preview changes').click());
    expect(dialog().textContent).toContain('Package changes (3)');
    expect(texts(dialog(), '.command-hint__code')).toEqual(['rpm-ostree deploy 40.20241019.0']);
    await update(() => buttonNamed(dialog(), 'Deploy 40.20241019.0').click());
    expect(api.callArgs.at(-1)).toEqual({ command: 'deployRevision', args: ['40.20241019.0'] });
  });

  it('cleans up what was ticked and says what goes', async () => {
    const { container, api } = await showing(readyState(typicalSystem()));
    await update(() => buttonNamed(container, 'Clean up…').click());
    const boxes = [...dialog().querySelectorAll('label')];
    expect(boxes.map((b) => b.textContent)).toEqual([
      'The pending deployment (41.20241105.0)',
      'The rollback deployment (40.20241019.0)',
      'Cached repository metadata (downloaded again when needed)',
    ]);
    await update(() => buttonNamed(dialog(), 'Remove selected').click());
    expect(api.calls).not.toContain('cleanup');
    await update(() => boxes[2]?.querySelector('input')?.click());
    await update(() => boxes[1]?.querySelector('input')?.click());
    expect(dialog().textContent).toContain(
      'This removes: The rollback deployment (40.20241019.0); Cached repository metadata',
    );
    expect(texts(dialog(), '.command-hint__code')).toEqual(['rpm-ostree cleanup -r -m']);
    await update(() => buttonNamed(dialog(), 'Remove selected').click());
    expect(api.callArgs.at(-1)).toEqual({
      command: 'cleanup',
      args: [['rollback-deploy', 'repomd']],
    });
  });
});
