// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { buttonNamed, screenTests, texts, update } from './render.tsx';
import { kernelCommandLine, readyState, typicalSystem, unstagedSystem } from './fixtures.ts';

const showing = screenTests('reboot');

function table(root: ParentNode, caption: string): string[][] {
  const found = [...root.querySelectorAll('table')].find(
    (t) => t.querySelector('caption')?.textContent === caption,
  );
  if (!found) throw new Error(`no table ${caption}`);
  return [...found.querySelectorAll('tr')].map((tr) =>
    [...tr.children].map((cell) => cell.textContent ?? ''),
  );
}

describe('next boot view', () => {
  it('lays out requested, staged and running for each item, with its state', async () => {
    const base = typicalSystem();
    const [pending, ...rest] = base.deployments;
    const system = typicalSystem({
      deployments: [{ ...pending!, requestedPackages: ['htop', 'vim'] }, ...rest],
      bootOptions: [
        { deploymentId: base.pendingId ?? '', options: kernelCommandLine('a', 'nomodeset') },
        { deploymentId: base.bootedId ?? '', options: kernelCommandLine('c') },
      ],
    });
    const { container } = await showing(readyState(system));
    expect(container.querySelector('.reboot-summary')?.textContent).toBe(
      '41.20241105.0 starts at the next boot' +
        '2 changes take effect when you restart.' +
        '1 request is not applied (for example a package the base image already provides).' +
        'The base image changes too, from 41.20241028.0 to 41.20241105.0.' +
        'Apply now' +
        'Discard pending changes…',
    );
    expect(table(container, 'Layered packages')).toEqual([
      ['Item', 'Requested', 'Staged', 'Running', 'State'],
      ['htop', 'Yes', 'Yes', '—No', 'Pending — applies at next boot'],
      ['vim', 'Yes', '—No', '—No', 'Requested, not applied'],
    ]);
    expect(table(container, 'Kernel arguments').filter((row) => row[4] !== 'In effect')).toEqual([
      ['Item', 'Requested', 'Staged', 'Running', 'State'],
      ['nomodeset', 'Yes', 'Yes', '—No', 'Pending — applies at next boot'],
    ]);
  });

  it('discards the whole pending deployment after a confirmation', async () => {
    const { container, api } = await showing(readyState(typicalSystem()));
    await update(() => buttonNamed(container, 'Discard pending changes…').click());
    const dialog = document.body.querySelector('[role="dialog"]');
    expect(texts(dialog ?? document.body, '.command-hint__code')).toEqual([
      'rpm-ostree cleanup -p',
    ]);
    await update(() => buttonNamed(dialog ?? document.body, 'Discard').click());
    expect(api.callArgs.at(-1)).toEqual({ command: 'cleanup', args: [['pending-deploy']] });
  });

  it('with nothing pending, says everything requested is in effect and drops the Staged column', async () => {
    const { container } = await showing(readyState(unstagedSystem()));
    expect(container.querySelector('.reboot-summary')?.textContent).toBe(
      'Nothing is pendingEverything requested is in effect.',
    );
    expect(table(container, 'Kernel arguments')[0]).toEqual([
      'Item',
      'Requested',
      'Running',
      'State',
    ]);
  });
});
