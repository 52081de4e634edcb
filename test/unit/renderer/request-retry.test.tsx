// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { Result } from '../../../daemon-bridge/contract/domain.ts';
import { readyState, unstagedSystem } from './fixtures.ts';
import { buttonNamed, screenTests, update } from './render.tsx';

const showing = screenTests();
const ENOSPC = 'Installing kernel: regfile copy: No space left on device';

/** Answers `failures` times with the daemon's refusal, then succeeds. */
function failingThenOk(failures: number): () => Promise<Result<null>> {
  let left = failures;
  return () =>
    Promise.resolve(
      left-- > 0
        ? { ok: false, error: { kind: 'transaction-failed', message: ENOSPC } }
        : { ok: true, value: null },
    );
}

const alert = (root: ParentNode) => root.querySelector('[role="alert"]');

describe('a failed request can be sent again from where its failure is shown', () => {
  it('“Try again” sends the same request; the failure goes once it succeeds', async () => {
    const { container, store, api } = await showing(readyState(unstagedSystem()));
    api.answers.deployRevision = failingThenOk(2);
    await update(() => store.getState().deployRequested('43.20260301.0'));
    expect(alert(container)?.textContent).toContain(`The request failed: ${ENOSPC}`);

    // Still failing: the notice stays, with the newest answer, and can be tried again.
    await update(() => buttonNamed(container, 'Try again').click());
    expect(alert(container)?.textContent).toContain(ENOSPC);
    await update(() => buttonNamed(container, 'Try again').click());
    expect(alert(container)).toBeNull();
    expect(store.getState().request).toEqual({ kind: 'idle' });
    expect(api.callArgs.filter((c) => c.command === 'deployRevision')).toEqual(
      Array.from({ length: 3 }, () => ({ command: 'deployRevision', args: ['43.20260301.0'] })),
    );
  });

  it('Dismiss still just hides it, and sends nothing', async () => {
    const { container, store, api } = await showing(readyState(unstagedSystem()));
    api.answers.checkForUpdates = failingThenOk(1);
    await update(() => store.getState().checkRequested());
    await update(() => buttonNamed(container, 'Dismiss').click());
    expect(alert(container)).toBeNull();
    expect(api.calls.filter((c) => c === 'checkForUpdates')).toHaveLength(1);
  });
});
